using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Platform;

/// <summary>
/// Published by every service instance once it is connected to its database and the broker,
/// so that the audit log records which version of which service ran when (v1).
/// </summary>
/// <param name="Service">The service name, e.g. <c>intake</c>.</param>
/// <param name="InstanceId">The instance id the orchestrator gave the replica.</param>
/// <param name="Version">The informational version of the service's build.</param>
/// <param name="StartedAt">When the instance became ready.</param>
[MessageUrn("haven:platform:service-instance-started:v1")]
public record ServiceInstanceStarted(string Service, string InstanceId, string Version, DateTimeOffset StartedAt) : IInstitutionMessage
{
    /// <summary>
    /// The platform's own scope: a service's start belongs to no institution, and its consumers work in this scope (the
    /// audit service's platform chain), which no institution's caller has.
    /// </summary>
    public const string PlatformScope = "_platform";

    // Not a member of the message: the scope is the same for every one.
    string IInstitutionMessage.InstitutionId => PlatformScope;
}
