namespace Haven.Audit.Chain;

/// <summary>
/// How an entry names the case it is about: <c>case:{id}</c> in its hashed <see cref="Data.AuditEntry.SubjectRef"/>.
/// <see cref="Data.AuditEntry.CaseId"/> is an unhashed copy kept for indexed queries and receipts, so it counts only
/// while it agrees with the subject the hash covers.
/// </summary>
public static class CaseSubject
{
    private const string Prefix = "case:";

    public static string Ref(Guid caseId) => $"{Prefix}{caseId}";

    /// <summary>The case <paramref name="subjectRef"/> names, or null when it names none.</summary>
    public static Guid? Of(string? subjectRef) =>
        subjectRef is not null && subjectRef.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(subjectRef.AsSpan(Prefix.Length), out var id)
            ? id
            : null;
}
