using System.Reflection;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using MassTransit;

namespace Haven.Notification.Webhooks;

/// <summary>
/// The events partner systems may subscribe to, named after the contract's message URN
/// (<c>haven:cases:case-escalated:v1</c> → <c>haven.cases.case-escalated.v1</c>), so the name changes only with the contract's version.
/// </summary>
public static class WebhookEventTypes
{
    public static readonly string ReportSubmitted = For<ReportSubmitted>();
    public static readonly string ReportWithdrawn = For<ReportWithdrawn>();
    public static readonly string CaseStatusChanged = For<CaseStatusChanged>();
    public static readonly string CaseEscalated = For<CaseEscalated>();
    public static readonly string CaseOverdue = For<CaseOverdue>();

    public static readonly IReadOnlySet<string> All = new HashSet<string>([ReportSubmitted, ReportWithdrawn, CaseStatusChanged, CaseEscalated, CaseOverdue]);

    /// <summary>The field error for a subscription's list of types that is empty or names an unknown type; null when it is valid.</summary>
    public static string[]? Check(IReadOnlyCollection<string>? types) =>
        types is { Count: > 0 } && types.All(All.Contains) ? null : [$"One or more of: {string.Join(", ", All.Order())}."];

    public static string For<T>() => For(typeof(T));

    public static string For(Type contract) =>
        contract.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString().Replace("urn:message:", "").Replace(':', '.');
}
