// A partner system's use of Haven through clients Kiota generated from the gateway's OpenAPI documents: it submits a
// report, reads the case the report opened with a case manager's token, and reads the event catalogue. Nothing here is
// written by hand but this file. Arguments: the gateway's address and a case manager's token of the report's institution.
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Partner.Escalation;
using Partner.Intake;
using Partner.Notification;
using Partner.Intake.Models;

if (args is not [var gateway, var token])
{
    Console.Error.WriteLine("usage: PartnerClient <gateway address> <case manager's token>");
    return 2;
}

var anonymous = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = gateway };
var signedIn = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new Token(token))) { BaseUrl = gateway };

// A report, anonymously: the choices are the document's enums, the answer its typed response.
var intake = new IntakeClient(anonymous);
var submitted = await intake.Api.Intake.Reports.PostAsync(new()
{
    Track = SubmitReportRequest_track.ConcerningConduct,
    InstitutionId = "mercy",
    Categories = [SubmitReportRequest_categories.HealthMisinformation],
    Context = new() { Kind = ReportContextRequest_kind.WorkRelated },
    Platform = "Instagram",
    ContentUrls = [$"https://instagram.com/p/{Guid.NewGuid():N}"],
    Description = "Posts telling patients to stop their medication.",
    Subject = new() { Name = "Dr. John Roe", Email = "john.roe@mercy.example" },
    Disclosure = SubmitReportRequest_disclosure.Anonymous,
});
Console.WriteLine($"report {submitted!.ReportId} opened case {submitted.CaseId}");

// A refused one (a track, and nothing else): the problem is a typed exception, its field errors keyed by the fields' JSON names.
try
{
    await intake.Api.Intake.Reports.PostAsync(new() { Track = SubmitReportRequest_track.Harassment });
    Console.Error.WriteLine("an invalid report was accepted");
    return 1;
}
catch (Partner.Intake.Models.HttpValidationProblemDetails problem)
{
    Console.WriteLine($"refused: {problem.Status} with errors for {string.Join(", ", problem.Errors!.AdditionalData.Keys)} (trace {problem.TraceId})");
}

// The case, once the escalation service has opened it from the report's event (seconds; up to a minute under load).
var escalation = new EscalationClient(signedIn);
Partner.Escalation.Models.CaseResponse? opened = null;
for (var deadline = DateTime.UtcNow.AddSeconds(90); opened is null; await Task.Delay(1000))
{
    try
    {
        opened = await escalation.Api.Cases[submitted.CaseId!.Value].GetAsync();
    }
    catch (ApiException notYet) when (notYet.ResponseStatusCode == 404 && DateTime.UtcNow < deadline)
    {
    }
}
Console.WriteLine($"case {opened!.Summary!.Id}: {opened.Summary.Status}, severity {opened.Summary.Severity}, {opened.Timeline!.Count} timeline entries");

var waiting = await escalation.Api.Cases.GetAsync(list =>
{
    list.QueryParameters.StatusAsCaseStatus = Partner.Escalation.Models.CaseStatus.AwaitingAcknowledgement;
    list.QueryParameters.PageSize = 5;
});
Console.WriteLine($"cases awaiting acknowledgement: {waiting!.Total}");

var catalogue = await new NotificationClient(anonymous).Api.Notifications.Events.GetAsync();
Console.WriteLine($"event types: {string.Join(", ", catalogue!.Events!.Select(e => e.Type))}");
return 0;

/// <summary>The token the partner got from the institution's identity provider.</summary>
sealed class Token(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) => Task.FromResult(token);
}
