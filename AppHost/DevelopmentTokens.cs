using System.Reflection;
using Haven.AppHost.Resources;

namespace Haven.AppHost;

/// <summary>
/// <c>token --institution mercy --user alice --role case-manager[,auditor] [--minutes 480] [--data-dir DIR]</c>: prints a token
/// signed with the development key, for curl and local clients. It runs before any graph is built, so it answers at once and
/// never disturbs a live run.
/// </summary>
internal static class DevelopmentTokens
{
    public const string Verb = "token";

    public static int Print(string[] args)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).Build();
        var roles = (options["role"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (options["institution"] is not { } institution || options["user"] is not { } user || roles.Length == 0)
        {
            Console.Error.WriteLine("usage: token --institution mercy --user alice --role case-manager[,auditor] [--minutes 480]");
            return 2;
        }

        var identity = new DevelopmentIdentityResource("identity");
        identity.Institutions.AddRange(DevelopmentIdentityExtensions.DemoInstitutions);
        identity.LoadSigningKey(LocalData.DirectoryFor(options, AppHostDirectory()));
        try
        {
            Console.WriteLine(identity.CreateToken(institution, user, roles, TimeSpan.FromMinutes(options.GetValue("minutes", 480))));
            return 0;
        }
        catch (DistributedApplicationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    // Where Aspire's SDK recorded the AppHost project at build time, as DistributedApplicationBuilder.AppHostDirectory reads it.
    private static string AppHostDirectory() =>
        Assembly.GetEntryAssembly()!.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key.Equals("apphostprojectpath", StringComparison.OrdinalIgnoreCase)).Value!;
}
