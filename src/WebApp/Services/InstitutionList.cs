namespace Haven.WebApp.Services;

/// <summary>
/// The institutions a reporter can choose: those of the deployment's <c>Identity</c> section, the same list the services
/// accept reports for.
/// </summary>
public sealed class InstitutionList(IConfiguration configuration)
{
    public IReadOnlyList<string> Ids { get; } =
        [.. configuration.GetSection("Identity:Institutions").GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal)];
}
