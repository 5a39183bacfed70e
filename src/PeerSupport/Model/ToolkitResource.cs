using Haven.Messaging.Tenancy;
namespace Haven.PeerSupport.Model;

/// <summary>
/// One resource of the toolkit a target is shown (lock down accounts, document, report to the platform or the
/// police, contact the institution). Network-wide when <see cref="InstitutionId"/> is null.
/// </summary>
public sealed class ToolkitResource : INetworkOwned
{
    public Guid Id { get; set; }
    public required string NetworkId { get; set; }
    public string? InstitutionId { get; set; }
    public required string Topic { get; set; }
    public required string Title { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
}
