using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Npgsql;
using Xunit.Abstractions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Every public endpoint that takes a JSON body, sent bodies made invalid in many ways (<see cref="JsonFuzz"/>) through the
/// gateway: each must be answered 4xx with RFC 7807 problem details, never 5xx, and must leave what it would have stored
/// untouched. The endpoints are listed here with a valid body each; in the services' OpenAPI documents,
/// every operation with a request body must be on the list, so a new one cannot go unfuzzed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class When_public_json_endpoints_get_invalid_bodies(PlatformFixture platform, ITestOutputHelper output)
{
    // A bounded number of cases per endpoint keeps the run near a minute on a loaded machine.
    private const int CasesPerEndpoint = 12;
    private const string Institution = "lakeside";

    /// <param name="Stored">What the endpoint would change if it stored anything, read before and after its bodies.</param>
    /// <param name="Client">The caller; a fresh one for each body when <paramref name="FreshClients"/> (intake's routes are rate limited per client).</param>
    private sealed record Endpoint(string Method, string Path, string Sample, Func<HttpClient> Client, Func<Task<string>>? Stored = null,
        bool FreshClients = false)
    {
        /// <summary>The path as the OpenAPI documents write it, parameters unnamed.</summary>
        public string Template => Regex.Replace(Path, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|CaseAssigned", "{}");
    }

    [Fact]
    public async Task Each_is_answered_4xx_problem_details_and_nothing_is_stored()
    {
        var endpoints = await EndpointsAsync();
        await EveryDocumentedBodyIsListedAsync(endpoints);
        var failures = new List<string>();
        var timer = Stopwatch.StartNew();

        foreach (var endpoint in endpoints)
        {
            var before = endpoint.Stored is null ? null : await endpoint.Stored();
            var property = Prop.ForAll(Arb.From(JsonFuzz.Bodies(JsonNode.Parse(endpoint.Sample)!)),
                (string body) => SendAsync(endpoint, body).GetAwaiter().GetResult());
            try
            {
                // On a thread of its own: FsCheck runs properties synchronously.
                await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(CasesPerEndpoint).WithQuietOnSuccess(true), property));
            }
            catch (Exception e)
            {
                failures.Add($"{endpoint.Method} {endpoint.Path}: {e.Message}");
            }
            if (endpoint.Stored is not null && await endpoint.Stored() is var after && after != before)
            {
                failures.Add($"{endpoint.Method} {endpoint.Path}: stored something ({before} before, {after} after)");
            }
        }

        output.WriteLine($"{endpoints.Count} endpoints × {CasesPerEndpoint} bodies in {timer.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>
    /// The limits the documents give (<c>maxLength</c>, <c>maxItems</c>) are enforced: each field of each listed body, and of
    /// the objects in it, sent one over its documented limit, is refused with an error under that field's name, and nothing is
    /// stored. A document promising less than the validator enforces, or a limit nobody enforces, fails here.
    /// </summary>
    [Fact]
    public async Task Each_field_over_its_documented_limit_is_refused_by_name()
    {
        var schemas = await RequestSchemasAsync();
        var failures = new List<string>();
        var checkedFields = 0;
        foreach (var endpoint in await EndpointsAsync())
        {
            var (schema, components) = schemas[$"{endpoint.Method} {endpoint.Template}"];
            var before = endpoint.Stored is null ? null : await endpoint.Stored();
            foreach (var (field, body) in OverLimit(JsonNode.Parse(endpoint.Sample)!.AsObject(), schema, components, prefix: ""))
            {
                checkedFields++;
                var (status, _, answer) = await ExchangeAsync(endpoint, body.ToJsonString());
                var errors = status == 400 ? JsonNode.Parse(answer)?["errors"]?.AsObject() : null;
                if (errors is null || !errors.Any(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal)))
                {
                    failures.Add($"{endpoint.Method} {endpoint.Path} {field}: {status} {Excerpt(answer)}");
                }
            }
            if (endpoint.Stored is not null && await endpoint.Stored() is var after && after != before)
            {
                failures.Add($"{endpoint.Method} {endpoint.Path}: stored something ({before} before, {after} after)");
            }
        }
        output.WriteLine($"{checkedFields} fields sent over their documented limits");
        Assert.True(checkedFields > 20, $"Only {checkedFields} fields with a documented limit in the listed bodies.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>For each field of the sample that has a documented limit: its name and the sample with that field one over it.</summary>
    private static IEnumerable<(string Field, JsonObject Body)> OverLimit(JsonObject sample, JsonNode schema, JsonNode components, string prefix)
    {
        foreach (var (name, property) in Resolve(schema, components)["properties"]?.AsObject() ?? [])
        {
            if (sample[name] is not { } value)
            {
                continue;
            }
            var path = prefix + name;
            if (property!["maxLength"] is { } maxLength && value.GetValueKind() == JsonValueKind.String)
            {
                yield return (path, With(sample, name, JsonValue.Create(new string('a', (int)maxLength + 1))));
            }
            else if (property["maxItems"] is { } maxItems && value is JsonArray { Count: > 0 } items)
            {
                yield return (path, With(sample, name, new JsonArray([.. Enumerable.Repeat(items[0], (int)maxItems + 1).Select(i => i?.DeepClone())])));
            }
            else if (value is JsonObject inner)
            {
                foreach (var (field, changed) in OverLimit(inner, property, components, path + "."))
                {
                    yield return (field, With(sample, name, changed));
                }
            }
        }
    }

    /// <summary>A component reference, or a nullable one (<c>oneOf</c> null and the reference), as the component itself.</summary>
    private static JsonNode Resolve(JsonNode schema, JsonNode components) =>
        (schema["$ref"] ?? schema["oneOf"]?.AsArray().Select(s => s?["$ref"]).FirstOrDefault(r => r is not null)) is { } reference
            ? components[((string)reference!).Split('/')[^1]]!
            : schema;

    private static JsonObject With(JsonObject sample, string name, JsonNode? value)
    {
        var copy = sample.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    /// <summary>Each documented JSON request body's schema, by method and path template, with its document's components.</summary>
    private async Task<Dictionary<string, (JsonNode Schema, JsonNode Components)>> RequestSchemasAsync()
    {
        var schemas = new Dictionary<string, (JsonNode, JsonNode)>();
        foreach (var document in (await platform.Gateway.GetFromJsonAsync<JsonArray>("/openapi"))!)
        {
            var openApi = JsonNode.Parse(await platform.Gateway.GetStringAsync((string)document!["url"]!))!;
            foreach (var (path, operations) in openApi["paths"]!.AsObject())
            {
                foreach (var (method, operation) in operations!.AsObject())
                {
                    if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                    {
                        schemas[$"{method.ToUpperInvariant()} {Regex.Replace(path, "{[^}]+}", "{}")}"] = (schema, openApi["components"]!["schemas"]!);
                    }
                }
            }
        }
        return schemas;
    }

    private static async Task SendAsync(Endpoint endpoint, string body)
    {
        var (status, type, answer) = await ExchangeAsync(endpoint, body);
        if (status is < 400 or >= 500 || type != "application/problem+json")
        {
            throw new Xunit.Sdk.XunitException($"{status} {type} for {Excerpt(body)}\n  answered: {Excerpt(answer)}");
        }
    }

    private static async Task<(int Status, string? MediaType, string Answer)> ExchangeAsync(Endpoint endpoint, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var client = endpoint.Client();
        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            if (endpoint.FreshClients)
            {
                client.Dispose();
            }
        }
    }

    private static string Excerpt(string text) => text.Length <= 400 ? text : $"{text[..400]}… ({text.Length} characters)";

    private async Task<List<Endpoint>> EndpointsAsync()
    {
        var admin = Client("fuzz-admin", "institution-admin");
        var caseManager = Client("fuzz-cm", "case-manager");
        var lead = Client("fuzz-lead", "network-lead");
        var supporter = Client("fuzz-supporter", "peer-supporter");
        var requester = Client("fuzz-requester", "reporter");
        var eventType = (await admin.GetFromJsonAsync<string[]>("/api/notifications/webhooks/event-types"))![0];
        using var filer = IntakeClients.Fresh(platform);
        var reported = await IntakeReports.Submit(filer, IntakeReports.Conduct(institution: Institution));
        // The body is read and checked before the resource is looked up, so an id nobody has is as good as a real one.
        var id = Guid.NewGuid();
        const string preferences = """
            {"channels":["Email","Inbox"],"mutedKinds":["Reminder"],"quietHoursStart":"22:00:00","quietHoursEnd":"07:00:00","timeZone":"Europe/Berlin"}
            """;
        var person = $$"""
            {"userId":"fuzz-person","displayName":"Dana Field","email":"dana@lakeside.test","roles":["case-manager"],"channels":["Email"],"preferences":{{preferences}}}
            """;
        const string profile = """
            {"firstName":"Sam","preferredContact":"sam@lakeside.test","role":"Physician","specialty":"Pediatrics","department":"Surgery",
             "languages":["en","es"],"region":"North","experience":["vaccine-advocacy"],"capacity":2,"amplifies":true,
             "conflicts":[{"institutionId":"mercy","email":"x@mercy.test"}]}
            """;

        return
        [
            new("POST", "/api/intake/reports", JsonSerializer.Serialize(IntakeReports.Harassment(institution: Institution)),
                () => IntakeClients.Fresh(platform), () => CountAsync("intakedb", "SELECT count(*) FROM reports"), FreshClients: true),
            new("POST", "/api/intake/follow-up/messages", """{"text":"He posted again last night."}""",
                () => WithCaseKey(IntakeClients.Fresh(platform), reported),
                () => CountAsync("intakedb", """SELECT count(*) FROM reporter_messages WHERE "FromReportId" IS NOT NULL"""), FreshClients: true),
            new("POST", $"/api/cases/{id}/notes", """{"text":"Called the reporter back."}""", () => caseManager),
            new("POST", $"/api/cases/{id}/content-audit", """{"outcome":"Post removed by the author."}""", () => caseManager),
            new("POST", $"/api/cases/{id}/resolve", """{"note":"Resolved with the platform."}""", () => caseManager),
            new("POST", $"/api/cases/{id}/dismiss", """{"note":"Not a case for us."}""", () => caseManager),
            new("POST", $"/api/cases/{id}/messages", """{"text":"We are on it."}""", () => caseManager),
            new("PUT", "/api/cases/policy",
                """{"levels":[{"roles":["case-manager"],"critical":"01:00:00","high":"04:00:00","moderate":"1.00:00:00","low":"3.00:00:00"}],"repeats":1}""",
                () => admin, () => ReadAsync(admin, "/api/cases/policy")),
            new("POST", "/api/notifications/webhooks", $$"""{"url":"https://hooks.partner.example/haven","eventTypes":["{{eventType}}"]}""",
                () => admin, () => ReadAsync(admin, "/api/notifications/webhooks")),
            new("POST", "/api/notifications/amqp-subscriptions", $$"""{"eventTypes":["{{eventType}}"]}""",
                () => admin, () => ReadAsync(admin, "/api/notifications/amqp-subscriptions")),
            new("PUT", "/api/notifications/templates/CaseAssigned", """{"subject":"A new case","body":"Case {{caseId}} awaits you."}""",
                () => admin, () => ReadAsync(admin, "/api/notifications/templates")),
            new("POST", "/api/notifications/directory", person, () => admin, () => ReadAsync(admin, "/api/notifications/directory")),
            new("PUT", $"/api/notifications/directory/{id}", person, () => admin, () => ReadAsync(admin, "/api/notifications/directory")),
            new("PUT", "/api/notifications/preferences", preferences, () => caseManager,
                () => ReadAsync(caseManager, "/api/notifications/preferences")),
            new("PUT", "/api/peer-support/network/settings",
                """{"offerDeadline":"1.00:00:00","urgentOfferDeadline":"04:00:00","refusalsBeforeLeadIsTold":2,"firstCheckIn":"3.00:00:00","secondCheckIn":"14.00:00:00"}""",
                () => lead, () => ReadAsync(lead, "/api/peer-support/network/settings")),
            new("PUT", "/api/peer-support/supporters/me", profile, () => supporter, () => ReadAsync(supporter, "/api/peer-support/supporters/me")),
            new("POST", "/api/peer-support/requests",
                """{"firstName":"Rae","preferredContact":"rae@lakeside.test","department":"Surgery","languages":["en"],"experience":["vaccine-advocacy"],"preferAnotherInstitution":false,"urgent":false,"conflicts":[{"institutionId":"mercy","email":"x@mercy.test"}]}""",
                () => requester, () => ReadIdsAsync(requester, "/api/peer-support/requests/mine")),
            new("POST", "/api/peer-support/referrals",
                """{"colleagueEmail":"kim@lakeside.test","firstName":"Kim","preferredContact":"kim@lakeside.test","department":"Surgery","languages":["en"],"experience":[],"preferAnotherInstitution":true,"urgent":true}""",
                () => requester, () => ReadIdsAsync(lead, "/api/peer-support/network/requests")),
            new("POST", $"/api/peer-support/requests/{id}/close", """{"rating":5,"comment":"Thank you."}""", () => requester),
            new("POST", $"/api/peer-support/requests/{id}/notes", """{"text":"Spoke on the phone.","checkIn":true}""", () => supporter),
            new("POST", "/api/peer-support/amplifications", """{"platform":"X","supportUrl":"https://x.com/someone/status/1","message":"Please add a kind word."}""",
                () => requester, () => ReadIdsAsync(supporter, "/api/peer-support/amplifications")),
            new("POST", "/api/peer-support/toolkit",
                """{"topic":"doxxing","title":"When your address is posted","url":"https://example.org/doxxing","summary":"First steps.","forMyInstitutionOnly":false}""",
                () => lead, () => ReadAsync(lead, "/api/peer-support/toolkit")),
        ];
    }

    /// <summary>Every operation with a JSON request body in the services' OpenAPI documents is listed.</summary>
    private async Task EveryDocumentedBodyIsListedAsync(List<Endpoint> endpoints)
    {
        var documented = (await RequestSchemasAsync()).Keys;
        var listed = endpoints.Select(e => $"{e.Method} {e.Template}").ToHashSet();
        var missing = documented.Where(key => !listed.Contains(key)).ToList();
        output.WriteLine($"{documented.Count} operations with a JSON body in the OpenAPI documents, {missing.Count} of them not listed here.");
        Assert.True(documented.Count > 0, "The OpenAPI documents name no operation with a JSON body.");
        Assert.True(missing.Count == 0, $"Documented JSON bodies nobody fuzzes (add them to {nameof(EndpointsAsync)}): {string.Join(", ", missing)}");
    }

    private HttpClient Client(string user, string role) => platform.App.CreateHttpClient("gateway", Institution, user, role);

    /// <summary>What a listing answers, without the trace id each answer has of its own.</summary>
    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return $"{(int)response.StatusCode} {TraceId().Replace(await response.Content.ReadAsStringAsync(), "")}";
    }

    /// <summary>
    /// Which rows a listing answers. Requests earlier tests left behind keep moving on their own (offers expire, refusals
    /// are counted), so for those listings only a new or vanished row shows that something was stored.
    /// </summary>
    private static async Task<string> ReadIdsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        string?[] ids = response.IsSuccessStatusCode
            ? [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(row => row.GetProperty("id").GetString()).Order()]
            : [];
        return $"{(int)response.StatusCode} {string.Join(",", ids)}";
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    private static HttpClient WithCaseKey(HttpClient client, IntakeReports.Accepted report)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("CaseKey",
            $"{report.CaseKey}:{report.CaseSecret}");
        return client;
    }

    private async Task<string> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return $"{await command.ExecuteScalarAsync()} rows";
    }
}
