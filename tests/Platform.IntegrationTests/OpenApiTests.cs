using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// The OpenAPI documents the gateway serves are complete (every route a service maps is in its document, named, tagged,
/// summarised and secured) and true (real responses validate against the documented schemas).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class When_a_partner_reads_the_OpenAPI_documents(PlatformFixture platform)
{
    private static readonly string[] Services = ["audit", "escalation", "intake", "notification", "peersupport"];

    // Infrastructure, not API: the orchestrator's probes and the documents themselves.
    private static readonly HashSet<string> NotApi = ["/health", "/alive", "/openapi/{documentName}.json", "/openapi/routes.json"];

    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task The_gateway_lists_one_document_per_service()
    {
        using var anonymous = platform.App.CreateHttpClient("gateway");
        var list = await anonymous.GetFromJsonAsync<List<Listed>>("/openapi", JsonSerializerOptions.Web);

        Assert.Equal(Services, list!.Select(d => d.Service));
        Assert.All(list!, d => Assert.Equal($"/openapi/{d.Service}/v1.json", d.Url));
    }

    [Fact]
    public async Task Every_mapped_route_is_documented_with_a_name_a_tag_a_summary_and_its_security()
    {
        var missing = new List<string>();
        foreach (var service in Services)
        {
            var document = await DocumentAsync(service);
            var documented = Operations(document).ToDictionary(o => $"{o.Method} {o.Path}");
            using var direct = platform.App.CreateHttpClient(service);
            var mapped = await direct.GetFromJsonAsync<List<MappedRoute>>("/openapi/routes.json", JsonSerializerOptions.Web);

            Assert.NotEmpty(mapped!);
            foreach (var route in mapped!.Where(r => !NotApi.Contains(r.Path)))
            {
                if (!documented.TryGetValue($"{route.Method.ToLowerInvariant()} {Normalize(route.Path)}", out var operation))
                {
                    missing.Add($"{service}: {route.Method} {route.Path}");
                    continue;
                }
                var at = $"{service}: {route.Method} {route.Path}";
                Assert.False(string.IsNullOrWhiteSpace((string?)operation.Node["operationId"]), $"{at} has no name");
                Assert.False(string.IsNullOrWhiteSpace((string?)operation.Node["summary"]), $"{at} has no summary");
                Assert.NotEmpty(operation.Node["tags"]?.AsArray() ?? []);
                Assert.NotEmpty(operation.Node["responses"]!.AsObject());
                if (operation.Node["security"] is JsonArray security)
                {
                    Assert.Contains("401", operation.Node["responses"]!.AsObject().Select(r => r.Key));
                    Assert.NotEmpty(security);
                }
            }
        }
        Assert.True(missing.Count == 0, "Mapped but not documented:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Each_document_declares_the_bearer_scheme_and_only_anonymous_routes_go_without_it()
    {
        foreach (var service in Services)
        {
            var document = await DocumentAsync(service);
            Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]);
            Assert.StartsWith("3.", (string?)document["openapi"]);
        }
        var intake = Operations(await DocumentAsync("intake")).ToDictionary(o => $"{o.Method} {o.Path}");
        Assert.Null(intake["post /api/intake/reports"].Node["security"]);
        Assert.Equal("CaseKey", intake["get /api/intake/follow-up"].Node["security"]![0]!.AsObject().Single().Key);
        Assert.Equal("Bearer", intake["get /api/intake/cases/{caseId}/evidence"].Node["security"]![0]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Each_document_reads_and_validates_without_errors_in_the_OpenAPI_NET_library()
    {
        foreach (var service in Services)
        {
            var read = OpenApiDocument.Parse((await DocumentAsync(service)).ToJsonString(), "json");

            Assert.True(read.Diagnostic!.Errors.Count == 0, $"{service}: {string.Join("; ", read.Diagnostic.Errors)}");
            var invalid = read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
            Assert.True(invalid.Count == 0, $"{service}: {string.Join("; ", invalid.Select(e => $"{e.Pointer} {e.Message}"))}");
        }
    }

    [Fact]
    public async Task Numbers_are_documented_as_numbers_and_the_report_form_lists_its_choices_limits_and_required_fields()
    {
        foreach (var service in Services)
        {
            var loose = (await DocumentAsync(service)).ToJsonString();
            Assert.DoesNotContain("\"integer\",\"string\"", loose.Replace(" ", ""));
        }

        var form = (await DocumentAsync("intake"))["components"]!["schemas"]!["SubmitReportRequest"]!;
        var properties = form["properties"]!;
        Assert.Equal(Enum.GetNames<Haven.Contracts.Reports.Track>(), Names(properties["track"]!["enum"]));
        Assert.Equal(Enum.GetNames<Haven.Contracts.Reports.ReportCategory>(), Names(properties["categories"]!["items"]!["enum"]));
        Assert.Equal(["Named", "Anonymous", "HeldUntilCorroborated"], Names(properties["disclosure"]!["enum"]));
        Assert.Equal(5000, (int)properties["description"]!["maxLength"]!);
        Assert.Equal(8, (int)properties["categories"]!["maxItems"]!);
        // Either the content's URLs or evidence; a named reporter only when anonymous is not chosen.
        Assert.Equal(["track", "institutionId", "categories", "context", "platform", "description", "subject", "disclosure"],
            Names(form["required"]));
        // The XML comments are the descriptions.
        Assert.StartsWith("Harassment of a clinician", (string?)properties["track"]!["description"]);
        Assert.StartsWith("The report form.", (string?)form["description"]);
    }

    // ASP.NET Core's problem types, whose standard fields RFC 7807 describes.
    private static readonly HashSet<string> FrameworkSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

    /// <summary>A partner understands every field and parameter from the document alone.</summary>
    [Fact]
    public async Task Every_field_and_parameter_is_described()
    {
        var undescribed = new List<string>();
        foreach (var service in Services)
        {
            var document = await DocumentAsync(service);
            foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject().Where(s => !FrameworkSchemas.Contains(s.Key)))
            {
                undescribed.AddRange((schema!["properties"]?.AsObject() ?? [])
                    .Where(p => string.IsNullOrWhiteSpace((string?)p.Value!["description"]))
                    .Select(p => $"{service}: {name}.{p.Key}"));
            }
            foreach (var (method, path, operation) in Operations(document))
            {
                undescribed.AddRange((operation["parameters"]?.AsArray() ?? [])
                    .Where(p => string.IsNullOrWhiteSpace((string?)p!["description"]))
                    .Select(p => $"{service}: {method} {path} {p!["in"]} {p["name"]}"));
            }
        }
        Assert.True(undescribed.Count == 0, $"{undescribed.Count} without a description:\n{string.Join("\n", undescribed)}");
    }

    private static string[] Names(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    [Fact]
    public async Task The_reference_UI_shows_the_documents_and_asks_nothing_of_any_other_host()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var gateway = platform.Gateway.BaseAddress!;
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } url && url.Authority != gateway.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(gateway, "/scalar").ToString());
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Haven intake API" }).WaitForAsync();
        await page.GetByText("Reports", new() { Exact = true }).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "api-reference.png") });

        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task Real_responses_match_their_documented_schemas()
    {
        using var reporter = IntakeClients.Fresh(platform);
        var report = IntakeReports.Conduct();
        using var accepted = await reporter.PostAsJsonAsync("/api/intake/reports", report);
        await AssertMatchesAsync("intake", "post", "/api/intake/reports", accepted, HttpStatusCode.Accepted);

        report["track"] = "NoSuchTrack";
        using var invalid = await reporter.PostAsJsonAsync("/api/intake/reports", report);
        await AssertMatchesAsync("intake", "post", "/api/intake/reports", invalid, HttpStatusCode.BadRequest);

        using var malformed = await reporter.PostAsync("/api/intake/reports",
            new StringContent("{\"track\": \"Harassment\",\n \"categories\": 5}", System.Text.Encoding.UTF8, "application/json"));
        var problem = await AssertMatchesAsync("intake", "post", "/api/intake/reports", malformed, HttpStatusCode.BadRequest);
        Assert.Equal("The value is not of the type the API's document gives for this field.", (string?)problem["errors"]!["$.categories"]![0]);
        Assert.Contains("line 2", (string?)problem["detail"]);
        Assert.NotNull(problem["traceId"]);

        var caseId = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["caseId"]!.GetValue<Guid>();
        using var caseManager = platform.App.CreateHttpClient("gateway", "mercy", "openapi-cm", "case-manager");
        // The case is opened by the escalation saga from the report's event (outbox, broker, saga): seconds when idle, up to a
        // minute on two loaded cores.
        var detail = await Eventually.Returns(() => caseManager.GetAsync($"/api/cases/{caseId}"), r => r.StatusCode == HttpStatusCode.OK,
            "the case of the report", TimeSpan.FromSeconds(90));
        await AssertMatchesAsync("escalation", "get", "/api/cases/{id}", detail, HttpStatusCode.OK);
        using var list = await caseManager.GetAsync("/api/cases?pageSize=5");
        await AssertMatchesAsync("escalation", "get", "/api/cases", list, HttpStatusCode.OK);

        using var admin = platform.App.CreateHttpClient("gateway", "mercy", "openapi-admin", "institution-admin");
        using var eventTypes = await admin.GetAsync("/api/notifications/webhooks/event-types");
        await AssertMatchesAsync("notification", "get", "/api/notifications/webhooks/event-types", eventTypes, HttpStatusCode.OK);
        using var templates = await admin.GetAsync("/api/notifications/templates");
        await AssertMatchesAsync("notification", "get", "/api/notifications/templates", templates, HttpStatusCode.OK);

        using var auditor = platform.App.CreateHttpClient("gateway", "mercy", "openapi-auditor", "auditor");
        using var entries = await auditor.GetAsync("/api/audit/entries?limit=5");
        await AssertMatchesAsync("audit", "get", "/api/audit/entries", entries, HttpStatusCode.OK);

        using var toolkit = await caseManager.GetAsync("/api/peer-support/toolkit");
        await AssertMatchesAsync("peersupport", "get", "/api/peer-support/toolkit", toolkit, HttpStatusCode.OK);
        using var info = await platform.Gateway.GetAsync("/api/intake/info");
        await AssertMatchesAsync("intake", "get", "/api/intake/info", info, HttpStatusCode.OK);
    }

    /// <summary>The response's status is documented for the route, and its body validates against the documented schema.</summary>
    private async Task<JsonNode> AssertMatchesAsync(string service, string method, string path, HttpResponseMessage response,
        HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {body}");
        var document = await DocumentAsync(service);
        var operation = document["paths"]![path]![method]!;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documented = operation["responses"]![status];
        Assert.True(documented is not null, $"{method} {path} answered {status}, which its document does not list");
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        var schema = documented!["content"]?[mediaType]?["schema"];
        Assert.True(schema is not null, $"{method} {path} {status}: no schema documented for {mediaType}");

        var errors = StrictSchemas.Errors(schema!, body, document["components"]!["schemas"]);
        Assert.True(errors.Count == 0, $"{method} {path} {status} does not match its schema:\n{string.Join("\n", errors)}\n{body}");
        return JsonNode.Parse(body)!;
    }

    private readonly Dictionary<string, JsonNode> _documents = [];

    private async Task<JsonNode> DocumentAsync(string service)
    {
        if (!_documents.TryGetValue(service, out var document))
        {
            using var anonymous = platform.App.CreateHttpClient("gateway");
            using var response = await anonymous.GetAsync($"/openapi/{service}/v1.json");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"/openapi/{service}/v1.json: {(int)response.StatusCode} {text}");
            _documents[service] = document = JsonNode.Parse(text)!;
        }
        return document;
    }

    private static IEnumerable<(string Method, string Path, JsonNode Node)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (op.Key, path.Key, op.Value!)));

    /// <summary>A route pattern as OpenAPI writes it: no constraints, no trailing slash, a leading one.</summary>
    private static string Normalize(string pattern)
    {
        var path = Constraint().Replace(pattern, "{$1}").TrimEnd('/');
        return path.StartsWith('/') ? path : "/" + path;
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Constraint();

    private sealed record Listed(string Service, string Url);

    private sealed record MappedRoute(string Method, string Path);
}
