namespace Haven.Hosting;

/// <summary>PostgreSQL refuses to run as root; as root we drop to the postgres user with setpriv (which execs, keeping the pid).</summary>
internal static class RunAsPostgres
{
    private static bool IsRoot => Environment.UserName == "root";

    public static string Command => IsRoot ? "setpriv" : "env";

    public static IEnumerable<string> Arguments(string program, params string[] arguments) =>
        (IsRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program] : new[] { program }).Concat(arguments);

    public static async Task GiveOwnershipAsync(params string[] paths)
    {
        if (IsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", .. paths], CancellationToken.None);
        }
    }
}
