namespace Haven.Hosting;

/// <summary>
/// A generated secret (a password). Locally its value is generated once and kept in the data folder;
/// in the manifest it becomes a parameter that the deployment tool generates.
/// </summary>
public sealed class ParameterResource(string name, int minLength = 22) : Resource(name)
{
    public int MinLength { get; } = minLength;
    public string? Value { get; internal set; }
}
