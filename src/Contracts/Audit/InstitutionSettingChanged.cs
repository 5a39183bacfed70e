using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Audit;

/// <summary>
/// An institution admin changed the institution's configuration (v1), published in the change's own transaction so that
/// every change is in the audit log. It names what changed, never its content: no secret, password or email address.
/// </summary>
/// <param name="InstitutionId">The institution whose configuration changed.</param>
/// <param name="ActorId">The admin's user id.</param>
/// <param name="Setting">What kind of configuration: "escalation-policy", "directory", "notification-template",
/// "webhook-subscription" or "amqp-subscription".</param>
/// <param name="SubjectRef">Which one, by id: e.g. "amqp-subscription:{id}", "person:{id}", "webhook-delivery:{id}".</param>
/// <param name="Change">What happened to it: "created", "updated", "removed", "stopped", "enabled", "replayed", "revoked" or "reset".</param>
/// <param name="ChangedAt">When.</param>
[MessageUrn("haven:audit:institution-setting-changed:v1")]
public record InstitutionSettingChanged(string InstitutionId, string ActorId, string Setting, string SubjectRef, string Change,
    DateTimeOffset ChangedAt) : IInstitutionMessage;
