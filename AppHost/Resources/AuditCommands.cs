using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Haven.Identity;

namespace Haven.AppHost.Resources;

public static class AuditCommands
{
    /// <summary>
    /// Operator commands on the audit service in the dashboard: verify every demo institution's chain, or sign a checkpoint
    /// for each now, through the service's own API with a development auditor's token.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAuditCommands(this IResourceBuilder<ProjectResource> audit,
        DevelopmentIdentity? identity)
    {
        if (identity is null)
        {
            return audit;
        }
        var options = new CommandOptions
        {
            UpdateState = context => context.ResourceSnapshot.HealthStatus is Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
            IconName = "ShieldCheckmark",
        };
        return audit
            .WithCommand("verify-chains", "Verify audit chains",
                context => ForEachInstitutionAsync(audit.Resource, identity, HttpMethod.Get, "/api/audit/verify", context.CancellationToken),
                options)
            .WithCommand("sign-checkpoints", "Sign checkpoints now",
                context => ForEachInstitutionAsync(audit.Resource, identity, HttpMethod.Post, "/api/audit/checkpoints", context.CancellationToken),
                new CommandOptions { UpdateState = options.UpdateState, IconName = "Signature" });
    }

    private static async Task<ExecuteCommandResult> ForEachInstitutionAsync(ProjectResource audit, DevelopmentIdentity identity,
        HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(audit.GetEndpoint("http").Url), Timeout = TimeSpan.FromSeconds(30) };
        var failures = new List<string>();
        foreach (var institution in identity.Institutions)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                identity.CreateToken(institution.Id, "dashboard-operator", [HavenRoles.Auditor], TimeSpan.FromMinutes(5)));
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // A verification answers 200 either way; {"valid":false,…} names the first entry that does not hold.
            if (!response.IsSuccessStatusCode || JsonNode.Parse(body)?["valid"]?.GetValue<bool>() == false)
            {
                failures.Add($"{institution.Id}: {(int)response.StatusCode} {body}");
            }
        }
        return failures.Count == 0
            ? CommandResults.Success()
            : CommandResults.Failure(string.Join("; ", failures));
    }
}
