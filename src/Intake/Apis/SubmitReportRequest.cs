using System.ComponentModel.DataAnnotations;
using Haven.Contracts.Reports;
using Haven.Http;
using Haven.Intake.Reports;

namespace Haven.Intake.Apis;

/// <summary>
/// The report form. Choices are names (e.g. <c>"Harassment"</c>, <c>"ThreatOfViolence"</c>) so that a wrong one
/// gets a field error rather than a parse failure. Limits are the validator's, written here for the OpenAPI document, which also
/// requires only the fields without a default.
/// </summary>
/// <param name="Track">Harassment of a clinician (track A) or a clinician's concerning conduct (track B).</param>
/// <param name="InstitutionId">The institution whose clinician the report is about, e.g. <c>mercy</c> (<c>GET /api/intake/info</c> lists them).</param>
/// <param name="Categories">What happened: one to eight categories of the report's track.</param>
/// <param name="Context">Where the posts come from: advocacy (with its topic), personal, work-related or other.</param>
/// <param name="Platform">The social-media platform, e.g. Instagram.</param>
/// <param name="Description">What happened, in the reporter's words.</param>
/// <param name="Subject">The clinician the report is about.</param>
/// <param name="Disclosure">Anonymous, Named, or HeldUntilCorroborated (kept back until someone else reports the same person).</param>
/// <param name="ContentUrls">Links to the content; at least one, or evidence instead. Stored privately, never reposted.</param>
/// <param name="Evidence">What was seen, for content that may be deleted; at least one, or content URLs instead.</param>
/// <param name="Reporter">A named reporter who is not signed in says who they are; nobody else gives it.</param>
/// <param name="TargetConsentsToInstitution">Track A only: whether the target's institution is told (default true).</param>
/// <param name="PeerSupportWanted">Track A only: whether the target would like a peer supporter (default false).</param>
public sealed record SubmitReportRequest(
    [property: NamesOf(typeof(Track))] string? Track,
    string? InstitutionId,
    [property: NamesOf(typeof(ReportCategory)), MaxLength(ReportLimits.MaxCategories)] IReadOnlyList<string>? Categories,
    ReportContextRequest? Context,
    [property: MaxLength(ReportLimits.PlatformLength)] string? Platform,
    [property: MaxLength(ReportLimits.DescriptionLength)] string? Description,
    SubjectRequest? Subject,
    [property: NamesOf(typeof(Disclosure))] string? Disclosure,
    [property: MaxLength(ReportLimits.MaxUrls)] IReadOnlyList<string>? ContentUrls = null,
    [property: MaxLength(ReportLimits.MaxEvidence)] IReadOnlyList<EvidenceRequest>? Evidence = null,
    ReporterRequest? Reporter = null,
    bool? TargetConsentsToInstitution = null,
    bool? PeerSupportWanted = null);

/// <param name="Kind">Advocacy, Personal, WorkRelated or Other.</param>
/// <param name="Topic">For advocacy only, and then required: e.g. vaccines.</param>
public sealed record ReportContextRequest(
    [property: NamesOf(typeof(ReportContext))] string? Kind,
    [property: MaxLength(ReportLimits.TopicLength)] string? Topic = null);

/// <param name="Text">What the content said, as seen.</param>
/// <param name="Handle">The account that posted it.</param>
/// <param name="SeenAt">When it was seen.</param>
/// <param name="Url">Where it was seen.</param>
public sealed record EvidenceRequest(
    [property: MaxLength(ReportLimits.EvidenceTextLength)] string? Text,
    DateTimeOffset? SeenAt,
    [property: MaxLength(ReportLimits.HandleLength)] string? Handle = null,
    [property: MaxLength(ReportLimits.UrlLength)] string? Url = null);

/// <summary>The person the report is about: the target (track A) or the individual (track B).</summary>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their email address: reports about the same person are matched by it (Haven keeps only its digest for that).</param>
/// <param name="Department">Their department; optional.</param>
public sealed record SubjectRequest(
    [property: MaxLength(ReportLimits.NameLength)] string? Name,
    [property: MaxLength(ReportLimits.EmailLength), EmailAddress] string? Email,
    [property: MaxLength(ReportLimits.DepartmentLength)] string? Department = null);

/// <summary>A named reporter who is not signed in says who they are.</summary>
/// <param name="Name">The reporter's name.</param>
/// <param name="Email">An email address the case managers can reach them at.</param>
public sealed record ReporterRequest(
    [property: MaxLength(ReportLimits.NameLength)] string? Name,
    [property: MaxLength(ReportLimits.EmailLength), EmailAddress] string? Email);
