namespace Haven.Contracts.Tenancy;

/// <summary>
/// A message about one coalition network's shared data (peer support). A consumer of it works in that network's scope;
/// null names no network, and then no network-owned row is visible.
/// </summary>
public interface INetworkMessage
{
    string? NetworkId { get; }
}
