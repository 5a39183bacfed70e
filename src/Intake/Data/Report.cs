using Haven.Contracts.Reports;
using Haven.Intake.Reports;
using Haven.Messaging.Tenancy;

namespace Haven.Intake.Data;

/// <summary>A report as submitted and triaged. Its text and evidence never leave this service except to the case's case managers.</summary>
public sealed class Report : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string InstitutionId { get; set; }
    public string? NetworkId { get; set; }
    public Track Track { get; set; }
    public List<ReportCategory> Categories { get; set; } = [];
    public ReportContext Context { get; set; }
    public string? AdvocacyTopic { get; set; }
    public required string Platform { get; set; }
    public required string Description { get; set; }

    public required string SubjectName { get; set; }
    public string? SubjectDepartment { get; set; }

    /// <summary>SHA-256 of "institution:email", the pseudonymous key other services know the subject by.</summary>
    public required string SubjectDigest { get; set; }

    /// <summary>SHA-256 of the e-mail alone: matches the same person across the institutions of a network. Never leaves intake.</summary>
    public required string SubjectNetworkDigest { get; set; }

    public Disclosure Disclosure { get; set; }
    /// <summary>The reporter's user id when they signed in and did not ask for anonymity.</summary>
    public string? ReporterUserId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterEmail { get; set; }

    public Severity Severity { get; set; }
    public List<Pathway> Pathways { get; set; } = [];
    public bool PossibleRetaliation { get; set; }
    public string? RetaliationReason { get; set; }
    public bool TargetConsentsToInstitution { get; set; }
    public bool PeerSupportWanted { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>When <see cref="Contracts.Reports.ReportSubmitted"/> went out; null while held until corroborated.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>When the reporter withdrew it. A withdrawn held report is never released; the text stays for the record.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public List<ReportUrl> Urls { get; set; } = [];
    public List<EvidenceItem> Evidence { get; set; } = [];
}
