using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Notification.Templates;

namespace Haven.Notification.Tests;

public sealed class When_a_notification_is_rendered
{
    private static readonly Guid CaseId = Guid.Parse("2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e");
    private const string Link = "https://haven.example/cases/2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e";

    public static TheoryData<NotificationKind> Kinds => [.. Enum.GetValues<NotificationKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_s_default_template_renders_completely_and_links_to_the_case(NotificationKind kind)
    {
        var (subject, body) = DefaultTemplates.For(kind);

        var rendered = TemplateRenderer.Render(subject, body, Model(kind));

        Assert.Empty(TemplateRenderer.UnknownPlaceholders($"{subject}\n{body}"));
        Assert.DoesNotContain("{{", rendered.Subject + rendered.Body);
        Assert.DoesNotContain("}}", rendered.Subject + rendered.Body);
        Assert.False(string.IsNullOrWhiteSpace(rendered.Subject));
        Assert.Contains(Link, rendered.Body);
    }

    [Fact]
    public void Each_placeholder_is_filled_from_the_model()
    {
        var rendered = TemplateRenderer.Render("{{case_ref}} {{severity}}",
            "{{recipient_name}}|{{institution}}|{{kind}}|{{case_id}}|{{ link }}", Model(NotificationKind.Escalation, Severity.High));

        Assert.Equal($"{CaseRef.Of(CaseId)} high", rendered.Subject);
        Assert.Equal($"Sam Rivera|mercy|escalated case|{CaseId}|{Link}", rendered.Body);
    }

    [Theory]
    [InlineData(CaseStatus.AwaitingAcknowledgement, "with the responsible staff")]
    [InlineData(CaseStatus.InReview, "in review")]
    [InlineData(CaseStatus.Withdrawn, "withdrawn")]
    public void A_status_update_tells_the_anonymous_reporter_the_status_in_plain_words(CaseStatus status, string words)
    {
        var (subject, body) = DefaultTemplates.For(NotificationKind.StatusUpdate);

        var rendered = TemplateRenderer.Render(subject, body, Model(NotificationKind.StatusUpdate) with { RecipientName = "", Status = status });

        Assert.Contains($"is now: {words}.", rendered.Body);
        Assert.Equal("", TemplateRenderer.Render("{{status}}", "", Model(NotificationKind.Escalation)).Subject);
    }

    [Fact]
    public void Every_kind_is_described_in_words_of_its_own()
    {
        var descriptions = Enum.GetValues<NotificationKind>().Select(kind => TemplateRenderer.Render("{{kind}}", "", Model(kind)).Subject).ToList();

        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
        Assert.DoesNotContain("notification", descriptions);
    }

    [Theory]
    [InlineData("{{report_text}}")]
    [InlineData("{{ evidence }}")]
    [InlineData("{{description}}")]
    [InlineData("{{subject_email}}")]
    [InlineData("{{Link}}")]
    [InlineData("{{case-ref}}")]
    public void A_placeholder_for_anything_else_is_refused_and_would_render_as_nothing(string placeholder)
    {
        var template = $"Details: {placeholder}.";

        Assert.NotEmpty(TemplateRenderer.UnknownPlaceholders(template));
        Assert.Equal("Details: .", TemplateRenderer.Render(template, template, Model(NotificationKind.CaseAssigned)).Body);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_shown_as_it_is_not_expanded()
    {
        var model = Model(NotificationKind.CaseAssigned) with { RecipientName = "{{link}} {{case_id}}" };

        var rendered = TemplateRenderer.Render("Hello {{recipient_name}}", "", model);

        Assert.Equal("Hello {{link}} {{case_id}}", rendered.Subject);
    }

    [Fact]
    public void The_model_has_no_field_that_could_carry_report_text_or_evidence()
    {
        // Trauma-safe by construction: free text reaches a template only as the recipient's own name, the link and the
        // institution's id. A new string on the model is a new way for a report's words to reach someone's inbox.
        var strings = typeof(TemplateModel).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name).Order();

        Assert.Equal(["InstitutionId", "Link", "RecipientName"], strings);
    }

    private static TemplateModel Model(NotificationKind kind, Severity severity = Severity.Critical) =>
        new(CaseId, kind, severity, Link, "Sam Rivera", "mercy");
}
