using System.Net.Http.Headers;
using System.Net.Http.Json;
using Haven.Identity;
using Microsoft.Extensions.Logging;

namespace Haven.AppHost.Resources;

/// <summary>
/// Puts the demo people in each demo institution's notification directory, as an institution admin would through the API,
/// so that out of the box a report reaches someone's inbox and the mail catcher. Idempotent: a person whose user id is
/// already listed is left as it is (an admin may have changed them).
/// </summary>
public static class DemoDirectory
{
    /// <summary>With <c>--demo-directory</c> (what <c>./haven run</c> passes; tests start without it), once the gateway is up.</summary>
    public static void SeedDemoDirectoryWhenReady(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway,
        DevelopmentIdentity? identity)
    {
        if (identity is null || !builder.Configuration.GetValue<bool>("demo-directory"))
        {
            return;
        }
        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, async (e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Haven.DemoDirectory");
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(gateway.Resource.GetEndpoint("http").Url), Timeout = TimeSpan.FromSeconds(30) };
                var added = await SeedAsync(http, identity, identity.Institutions, cancellationToken);
                logger.LogInformation("Demo directory: {Added} people added", added);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Demo directory: not seeded");
            }
        });
    }

    /// <summary>Adds the institutions' demo people missing from their directories, through the gateway; returns how many it added.</summary>
    public static async Task<int> SeedAsync(HttpClient gateway, DevelopmentIdentity identity, IEnumerable<DemoInstitution> institutions,
        CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var institution in institutions)
        {
            var token = identity.CreateToken(institution.Id, "demo-directory", [HavenRoles.InstitutionAdmin], TimeSpan.FromMinutes(5));
            using var list = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/directory");
            list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var listed = await gateway.SendAsync(list, cancellationToken);
            listed.EnsureSuccessStatusCode();
            var existing = (await listed.Content.ReadFromJsonAsync<List<Listed>>(cancellationToken) ?? []).Select(p => p.UserId).ToHashSet();
            foreach (var person in institution.People.Where(p => !existing.Contains(p.Id)))
            {
                using var create = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/directory")
                {
                    Content = JsonContent.Create(new { userId = person.Id, displayName = person.Name, email = person.Email, roles = person.DirectoryRoles }),
                };
                create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var created = await gateway.SendAsync(create, cancellationToken);
                if (!created.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException(
                        $"Adding {person.Id} to {institution.Id}'s directory: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancellationToken)}");
                }
                added++;
            }
        }
        return added;
    }

    private sealed record Listed(string UserId);
}
