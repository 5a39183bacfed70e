namespace Haven.Hosting;

/// <summary>
/// <c>token --institution mercy --user alice --role case-manager [--role auditor] [--minutes 480]</c>:
/// prints a token signed by the development identity provider, for curl and local clients.
/// </summary>
internal static class TokenCommand
{
    public const string Verb = "token";

    public static int Run(DistributedApplication app, IReadOnlyList<string> args)
    {
        var identity = app.Resources.OfType<DevelopmentIdentityResource>().SingleOrDefault()
            ?? throw new DistributedApplicationException("The graph has no development identity provider.");
        var institution = Single(args, "--institution");
        var user = Single(args, "--user");
        var roles = Values(args, "--role").SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var minutes = Values(args, "--minutes").Select(int.Parse).DefaultIfEmpty(480).Last();
        if (roles.Count == 0)
        {
            throw new DistributedApplicationException("Give at least one --role.");
        }

        Directory.CreateDirectory(app.Options.DataDirectory);
        DevelopmentIdentityLifecycle.LoadSigningKey(identity, app.Options.DataDirectory);
        Console.WriteLine(identity.CreateToken(institution, user, roles, TimeSpan.FromMinutes(minutes)));
        return 0;
    }

    private static string Single(IReadOnlyList<string> args, string option) =>
        Values(args, option).LastOrDefault() ?? throw new DistributedApplicationException($"{option} is required.");

    private static IEnumerable<string> Values(IReadOnlyList<string> args, string option) =>
        args.Select((arg, i) => (arg, i)).Where(a => a.arg == option && a.i + 1 < args.Count).Select(a => args[a.i + 1]);
}
