using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Haven.AppHost.Resources;

namespace Haven.AppHost;

/// <summary>
/// <c>token --institution mercy --user alice --role case-manager[,auditor] [--minutes 480] [--data-dir DIR]</c>: asks the
/// running platform's development identity provider for a token (its development grant, as the <c>haven-cli</c> client whose
/// secret is in the data folder) and prints it, for curl and local clients. It runs before any graph is built, so it answers
/// at once and never disturbs the run; without a run there is no provider, and it says so.
/// </summary>
internal static class DevelopmentTokens
{
    public const string Verb = "token";

    public static async Task<int> PrintAsync(string[] args)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).Build();
        var roles = (options["role"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (options["institution"] is not { } institution || options["user"] is not { } user || roles.Length == 0)
        {
            Console.Error.WriteLine("usage: token --institution mercy --user alice --role case-manager[,auditor] [--minutes 480]");
            return 2;
        }
        if (DemoInstitutions.All.All(i => i.Id != institution))
        {
            Console.Error.WriteLine($"Unknown institution '{institution}'; the graph has: {string.Join(", ", DemoInstitutions.All.Select(i => i.Id))}.");
            return 2;
        }

        var data = LocalData.DirectoryFor(options, AppHostDirectory());
        if (!LocalData.IsInUse(data) || DevelopmentIdentity.ReadClient(data) is not var (origin, secret))
        {
            Console.Error.WriteLine($"Haven is not running with the data folder {data}: tokens come from its identity provider. " +
                "Start it with ./haven run (in another terminal), then ask again.");
            return 1;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var endpoint = $"{DevelopmentIdentity.IssuerFor(origin, institution)}/connect/token";
        try
        {
            using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:haven:grant-type:development",
                ["client_id"] = "haven-cli",
                ["client_secret"] = secret,
                ["user"] = user,
                ["roles"] = string.Join(' ', roles),
                ["minutes"] = options["minutes"] ?? "480",
            }));
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            if (response.IsSuccessStatusCode && body?["access_token"]?.GetValue<string>() is { } token)
            {
                Console.WriteLine(token);
                return 0;
            }
            Console.Error.WriteLine($"The identity provider refused: {body?["error_description"] ?? body?["error"] ?? (int)response.StatusCode}");
            return 2;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"The identity provider does not answer at {endpoint} ({e.Message}). " +
                "Is ./haven run still starting? It prints a banner once every resource is healthy.");
            return 1;
        }
    }

    // Where Aspire's SDK recorded the AppHost project at build time, as DistributedApplicationBuilder.AppHostDirectory reads it.
    private static string AppHostDirectory() =>
        Assembly.GetEntryAssembly()!.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key.Equals("apphostprojectpath", StringComparison.OrdinalIgnoreCase)).Value!;
}
