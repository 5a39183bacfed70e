using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Haven.Contracts.Notifications;
using Haven.Http;
using Haven.Identity;
using Haven.Notification.Data;
using Haven.Notification.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Apis;

/// <summary>The institution's wording of a notification kind. Placeholders such as <c>{{case_ref}}</c> are filled in when it is sent.</summary>
/// <param name="Subject">The subject (the title in the inbox): one line, at most 200 characters.</param>
/// <param name="Body">The text, at most 4000 characters.</param>
public sealed record TemplateRequest([property: MaxLength(TemplatesApi.MaxSubject)] string? Subject,
    [property: MaxLength(TemplatesApi.MaxBody)] string? Body);

/// <summary>The wording a notification kind is sent with.</summary>
/// <param name="Kind">The notification kind.</param>
/// <param name="Subject">The subject (the title in the inbox).</param>
/// <param name="Body">The text.</param>
/// <param name="IsDefault">True when this is Haven's default wording, not the institution's own.</param>
/// <param name="Placeholders">The placeholders a template may use, e.g. <c>case_ref</c>; any other is refused. None carries report text.</param>
public sealed record TemplateResponse(NotificationKind Kind, string Subject, string Body, bool IsDefault, IReadOnlyList<string> Placeholders);

/// <summary>
/// The institution's wording per kind. Templates can only use the placeholders of <see cref="TemplateModel"/>, none of
/// which can carry report text or evidence; anything else is refused.
/// </summary>
public static class TemplatesApi
{
    public const int MaxSubject = 200;
    public const int MaxBody = 4000;
    private const string Setting = "notification-template";

    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("api/notifications/templates").RequireAuthorization(HavenPolicies.InstitutionAdmin).WithTags("Templates");
        templates.MapGet("/", GetTemplates).WithName("ListTemplates").WithSummary("The institution's wording of each notification kind");
        templates.MapPut("/{kind}", PutTemplate).WithName("PutTemplate").WithSummary("Set the institution's wording of a notification kind");
        templates.MapDelete("/{kind}", DeleteTemplate).WithName("DeleteTemplate").WithSummary("Go back to Haven's default wording of a kind");
        return app;
    }

    public static async Task<Ok<List<TemplateResponse>>> GetTemplates([AsParameters] NotificationServices services,
        CancellationToken cancellationToken)
    {
        var own = await services.Db.Templates.AsNoTracking().ToDictionaryAsync(t => t.Kind, cancellationToken);
        return TypedResults.Ok(Enum.GetValues<NotificationKind>().Select(kind => own.TryGetValue(kind, out var t)
            ? View(kind, t.Subject, t.Body, false)
            : View(kind, DefaultTemplates.For(kind).Subject, DefaultTemplates.For(kind).Body, true)).ToList());
    }

    /// <param name="kind">The notification kind.</param>
    public static async Task<Results<Ok<TemplateResponse>, ValidationProblem>> PutTemplate(NotificationKind kind, TemplateRequest request,
        ClaimsPrincipal user, [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var unknown = TemplateRenderer.UnknownPlaceholders($"{request.Subject}\n{request.Body}");
        var validation = new Validation()
            .Require(Enum.IsDefined(kind), "kind", "Unknown notification kind.")
            .Require(!string.IsNullOrWhiteSpace(request.Subject) && request.Subject.Length <= MaxSubject && !request.Subject.Contains('\n'), "subject",
                $"One line, at most {MaxSubject} characters.")
            .Require(!string.IsNullOrWhiteSpace(request.Body) && request.Body.Length <= MaxBody, "body", $"At most {MaxBody} characters.")
            .Require(unknown.Count == 0, "placeholders",
                $"Unknown placeholders: {string.Join(", ", unknown)}. Available: {string.Join(", ", TemplateRenderer.Placeholders.Keys)}.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var template = await services.Db.Templates.SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken);
        if (template is null)
        {
            template = new Template { InstitutionId = services.InstitutionId, Kind = kind, Subject = "", Body = "" };
            services.Db.Templates.Add(template);
        }
        template.Subject = request.Subject!;
        template.Body = request.Body!;
        template.UpdatedAt = services.Clock.GetUtcNow();
        await services.AuditChange(user, Setting, SubjectRef(kind), "updated", cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(kind, template.Subject, template.Body, false));
    }

    /// <param name="kind">The notification kind.</param>
    public static async Task<NoContent> DeleteTemplate(NotificationKind kind, ClaimsPrincipal user, [AsParameters] NotificationServices services,
        CancellationToken cancellationToken)
    {
        if (await services.Db.Templates.SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken) is { } template)
        {
            services.Db.Templates.Remove(template);
            await services.AuditChange(user, Setting, SubjectRef(kind), "reset", cancellationToken);
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    private static string SubjectRef(NotificationKind kind) => $"{Setting}:{kind}";

    private static TemplateResponse View(NotificationKind kind, string subject, string body, bool isDefault) =>
        new(kind, subject, body, isDefault, [.. TemplateRenderer.Placeholders.Keys]);
}
