using Haven.Http;
using Haven.Intake.Apis;
using System.Net.Mail;
using Haven.Contracts.Reports;
using Haven.Intake.Triage;

namespace Haven.Intake.Reports;

/// <summary>Checks a form field by field; either every error (keyed by JSON path) or a draft, never half of one.</summary>
public static class ReportValidator
{
    public static bool TryValidate(SubmitReportRequest request, IReadOnlySet<string> institutions, bool signedIn, DateTimeOffset now,
        out ReportDraft? draft, out IReadOnlyDictionary<string, string[]> errors)
    {
        var e = new Validation();
        draft = null;

        var track = ParseEnum<Track>(request.Track, "track", e);
        var institution = request.InstitutionId?.Trim();
        if (string.IsNullOrEmpty(institution) || !institutions.Contains(institution))
        {
            e.Require(false, "institutionId", "Must name an institution served by Haven.");
        }

        var categories = new List<ReportCategory>();
        if (request.Categories is not { Count: > 0 })
        {
            e.Require(false, "categories", "At least one category is required.");
        }
        else if (request.Categories.Count > ReportLimits.MaxCategories)
        {
            e.Require(false, "categories", $"At most {ReportLimits.MaxCategories} categories.");
        }
        else
        {
            for (var i = 0; i < request.Categories.Count; i++)
            {
                if (ParseEnum<ReportCategory>(request.Categories[i], $"categories[{i}]", e) is { } category)
                {
                    if (track is { } t && TriageRules.TrackOf(category) != t)
                    {
                        e.Require(false, $"categories[{i}]", $"'{category}' is not a category of track {t}.");
                    }
                    else if (!categories.Contains(category))
                    {
                        categories.Add(category);
                    }
                }
            }
        }

        var context = ParseEnum<ReportContext>(request.Context?.Kind, "context.kind", e);
        var topic = Trimmed(request.Context?.Topic);
        if (context == ReportContext.Advocacy && topic is null)
        {
            e.Require(false, "context.topic", "Advocacy needs its topic, e.g. vaccines.");
        }
        else if (context is not null && context != ReportContext.Advocacy && topic is not null)
        {
            e.Require(false, "context.topic", "A topic is given only for advocacy.");
        }
        MaxLength(topic, ReportLimits.TopicLength, "context.topic", e);

        var platform = Required(request.Platform, ReportLimits.PlatformLength, "platform", e);

        var urls = new List<string>();
        var contentUrls = request.ContentUrls ?? [];
        if (contentUrls.Count > ReportLimits.MaxUrls)
        {
            e.Require(false, "contentUrls", $"At most {ReportLimits.MaxUrls} URLs.");
        }
        else
        {
            for (var i = 0; i < contentUrls.Count; i++)
            {
                if (Url(contentUrls[i], $"contentUrls[{i}]", e) is { } url && !urls.Contains(url))
                {
                    urls.Add(url);
                }
            }
        }

        var evidence = new List<EvidenceDraft>();
        var items = request.Evidence ?? [];
        if (items.Count > ReportLimits.MaxEvidence)
        {
            e.Require(false, "evidence", $"At most {ReportLimits.MaxEvidence} items.");
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i] ?? new EvidenceRequest(null, null);
                var text = Required(item.Text, ReportLimits.EvidenceTextLength, $"evidence[{i}].text", e, trim: false);
                var handle = Trimmed(item.Handle);
                MaxLength(handle, ReportLimits.HandleLength, $"evidence[{i}].handle", e);
                if (item.SeenAt is not { } seenAt)
                {
                    e.Require(false, $"evidence[{i}].seenAt", "When it was seen is required.");
                }
                else if (seenAt > now.AddMinutes(5) || seenAt < now.AddYears(-30))
                {
                    e.Require(false, $"evidence[{i}].seenAt", "Must be a time in the past.");
                }
                var url = item.Url is null ? null : Url(item.Url, $"evidence[{i}].url", e);
                if (text is not null && item.SeenAt is { } seen)
                {
                    evidence.Add(new EvidenceDraft(text, handle, seen, url));
                }
            }
        }
        if (contentUrls.Count == 0 && items.Count == 0)
        {
            e.Require(false, "contentUrls", "Give the content's URL or what was seen (evidence).");
        }

        var description = Required(request.Description, ReportLimits.DescriptionLength, "description", e);

        var subjectName = Required(request.Subject?.Name, ReportLimits.NameLength, "subject.name", e);
        var subjectEmail = Email(request.Subject?.Email, "subject.email", required: true, e);
        var department = Trimmed(request.Subject?.Department);
        MaxLength(department, ReportLimits.DepartmentLength, "subject.department", e);

        var disclosure = ParseEnum<Disclosure>(request.Disclosure, "disclosure", e);
        string? reporterName = null, reporterEmail = null;
        if (disclosure == Disclosure.Named && !signedIn)
        {
            reporterName = Required(request.Reporter?.Name, ReportLimits.NameLength, "reporter.name", e);
            reporterEmail = Email(request.Reporter?.Email, "reporter.email", required: true, e);
        }
        else if (request.Reporter is not null && disclosure is not null)
        {
            e.Require(false, "reporter", "Only a named reporter who is not signed in says who they are.");
        }

        if (track == Track.ConcerningConduct)
        {
            if (request.TargetConsentsToInstitution is not null)
            {
                e.Require(false, "targetConsentsToInstitution", "Only for track A (Harassment).");
            }
            if (request.PeerSupportWanted is not null)
            {
                e.Require(false, "peerSupportWanted", "Only for track A (Harassment).");
            }
        }

        errors = e.Errors;
        if (errors.Count > 0)
        {
            return false;
        }
        draft = new ReportDraft(track!.Value, institution!, categories, context!.Value, topic, platform!, urls, evidence,
            description!, subjectName!, subjectEmail!, department, disclosure!.Value, reporterName, reporterEmail,
            // The target decides what their institution is told; by default it is told, so that it can support them.
            TargetConsentsToInstitution: track == Track.Harassment && (request.TargetConsentsToInstitution ?? true),
            PeerSupportWanted: track == Track.Harassment && (request.PeerSupportWanted ?? false));
        return true;
    }

    private static T? ParseEnum<T>(string? value, string field, Validation e) where T : struct, Enum
    {
        // Names only: Enum.TryParse would also take any number.
        var match = Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            e.Require(false, field, $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}.");
            return null;
        }
        return Enum.Parse<T>(match);
    }

    private static string? Url(string? text, string field, Validation e)
    {
        if (text?.Length > ReportLimits.UrlLength)
        {
            e.Require(false, field, $"At most {ReportLimits.UrlLength} characters.");
            return null;
        }
        if (!UrlNormalizer.TryNormalize(text, out var url, out var error))
        {
            e.Require(false, field, error!);
            return null;
        }
        return url;
    }

    private static string? Email(string? text, string field, bool required, Validation e)
    {
        var email = Trimmed(text);
        if (email is null)
        {
            if (required)
            {
                e.Require(false, field, "Required.");
            }
            return null;
        }
        if (email.Length > ReportLimits.EmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            e.Require(false, field, "Must be an e-mail address.");
            return null;
        }
        return email;
    }

    private static string? Required(string? text, int maxLength, string field, Validation e, bool trim = true)
    {
        var value = trim ? Trimmed(text) : string.IsNullOrWhiteSpace(text) ? null : text;
        if (value is null)
        {
            e.Require(false, field, "Required.");
            return null;
        }
        return MaxLength(value, maxLength, field, e) ? value : null;
    }

    private static bool MaxLength(string? text, int maxLength, string field, Validation e)
    {
        if (text?.Length > maxLength)
        {
            e.Require(false, field, $"At most {maxLength} characters.");
            return false;
        }
        return true;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
