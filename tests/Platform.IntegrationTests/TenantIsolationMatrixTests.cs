using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Every route of every service, as its OpenAPI document lists it, called by every role of another institution with the
/// ids of real rows of mercy's: a route that names a row answers 401, 403 or 404, and no answer carries mercy's data. A new
/// route is in the matrix as soon as it is in its service's document.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class When_another_institution_calls_every_route(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Owner = "mercy";
    private const int Parallelism = 8;

    private static readonly string[] Roles =
        ["reporter", "case-manager", "institution-admin", "auditor", "peer-supporter", "network-lead", "operator"];

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>
    /// Northfield is in another network: nothing of mercy's is its business. Lakeside shares mercy's network, whose peer
    /// support rows it shares by design (a lakeside supporter supports a mercy colleague): everything else of mercy's is
    /// closed to it.
    /// </summary>
    private static readonly (string Institution, Func<string, bool> Covers)[] Callers =
    [
        ("northfield", _ => true),
        ("lakeside", path => !path.StartsWith("/api/peer-support", StringComparison.Ordinal)),
    ];

    [Fact]
    public async Task No_route_answers_with_the_other_institutions_data()
    {
        var rows = await MercyRows.CreateAsync(platform);
        var routes = await RoutesAsync();
        Assert.True(routes.Select(r => r.Service).Distinct().Count() >= 5, "every service has an OpenAPI document");

        var cells = (from route in routes
                     from request in route.Requests(rows)
                     from caller in Callers
                     where caller.Covers(route.Path)
                     from role in Roles.Append(null)
                     select new Cell(route, request, caller.Institution, role)).ToList();
        var timer = Stopwatch.StartNew();
        var results = new ConcurrentBag<(Cell Cell, int Status, string? Leak)>();
        using var gate = new SemaphoreSlim(Parallelism);
        using var gateway = platform.App.CreateHttpClient("gateway");
        var tokens = Callers.SelectMany(c => Roles.Select(r => (c.Institution, r)))
            .ToDictionary(k => k, k => platform.App.CreateToken(k.Institution, $"matrix-{k.r}", k.r));
        await Task.WhenAll(cells.Select(async cell =>
        {
            await gate.WaitAsync();
            try
            {
                var token = cell.Role is null ? null : tokens[(cell.Institution, cell.Role)];
                var (status, body) = await SendAsync(gateway, cell.Request, token);
                // A body refused before any row is looked up says nothing about mercy's row, provided a row that exists
                // nowhere gets the very same answer.
                if (status == 400 && cell.Route.NamesARow)
                {
                    var (nowhere, _) = await SendAsync(gateway, cell.Request with { Url = AnyGuid().Replace(cell.Request.Url, _ => Guid.NewGuid().ToString()) }, token);
                    status = nowhere == 400 ? 404 : status;
                }
                results.Add((cell, status, rows.LeakIn(body)));
            }
            finally
            {
                gate.Release();
            }
        }));
        timer.Stop();

        var byRoute = routes.Count;
        output.WriteLine($"Isolation matrix: {byRoute} routes ({routes.Count(r => r.NamesARow)} naming a row) × {Roles.Length} roles + anonymous" +
            $" × callers of {string.Join(" and ", Callers.Select(c => c.Institution))} = {cells.Count} requests in {timer.Elapsed.TotalSeconds:0.0} s");
        foreach (var group in results.GroupBy(r => r.Status).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        var failures = results
            .Where(r => r.Leak is not null || r.Status >= 500 || (r.Cell.Route.NamesARow && r.Status is not (401 or 403 or 404)))
            .OrderBy(r => r.Cell.Route.Path).ThenBy(r => r.Cell.Request.Method.Method)
            .Select(r => $"{r.Cell.Request.Method} {r.Cell.Request.Url} as {r.Cell.Institution} {r.Cell.Role ?? "anonymous"}: {r.Status}" +
                (r.Leak is null ? "" : $", carrying mercy's {r.Leak}"))
            .ToList();
        foreach (var failure in failures)
        {
            output.WriteLine("  FAILED " + failure);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells.Count} requests reached mercy's data or did not refuse:\n" +
            string.Join("\n", failures.Take(40)));
    }

    private async Task<List<Route>> RoutesAsync()
    {
        var documents = await platform.Gateway.GetFromJsonAsync<List<ApiDocument>>("/openapi", JsonSerializerOptions.Web);
        var routes = new List<Route>();
        foreach (var document in documents!)
        {
            var json = JsonNode.Parse(await platform.Gateway.GetStringAsync(document.Url))!;
            foreach (var (path, item) in json["paths"]!.AsObject())
            {
                foreach (var method in Methods.Where(m => item![m] is not null))
                {
                    routes.Add(new Route(document.Service, path, new HttpMethod(method.ToUpperInvariant()), item![method]!, json));
                }
            }
        }
        return routes;
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient gateway, PreparedRequest prepared, string? token)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(prepared.Method, prepared.Url);
            if (prepared.Body is not null)
            {
                request.Content = new StringContent(prepared.Body, Encoding.UTF8, "application/json");
            }
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            using var response = await gateway.SendAsync(request);
            // The gateway's per-institution budget is shared with the other tests: wait as told, never count it as an answer.
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 5)));
                continue;
            }
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex AnyGuid();

    private sealed record ApiDocument(string Service, string Url);

    private sealed record Cell(Route Route, PreparedRequest Request, string Institution, string? Role);

    private sealed record PreparedRequest(HttpMethod Method, string Url, string? Body);

    /// <summary>One operation of a document, and the requests it becomes with mercy's ids in its path.</summary>
    private sealed record Route(string Service, string Path, HttpMethod Method, JsonNode Operation, JsonNode Document)
    {
        private IEnumerable<JsonNode> PathParameters => Operation["parameters"]?.AsArray()
            .Select(p => Resolve(p!, Document)).Where(p => (string?)p["in"] == "path") ?? [];

        /// <summary>A route that takes a row's id: to any other institution the row does not exist.</summary>
        public bool NamesARow => PathParameters.Any(p => (string?)Resolve(p["schema"]!, Document)["format"] == "uuid");

        public IEnumerable<PreparedRequest> Requests(MercyRows rows)
        {
            // A well-formed body where the route names a row, so that the answer is about whose row it is. A route that
            // names none acts on the caller's own institution: an empty body, refused for its shape, so that the matrix does
            // not change the other tests' institutions (their policies, templates, settings).
            var body = Method == HttpMethod.Get || Method == HttpMethod.Delete ? null
                : NamesARow && Operation["requestBody"] is { } requestBody
                    && Resolve(requestBody, Document)["content"]?["application/json"]?["schema"] is { } schema
                    ? Sample.Of(schema, Document, depth: 0)?.ToJsonString()
                    : "{}";
            // Each parameter's candidates: the ids of mercy's rows of its kind (every id when the kind is unknown).
            IEnumerable<string> urls = [Path];
            foreach (var parameter in PathParameters)
            {
                var name = (string)parameter["name"]!;
                var values = Values(parameter, rows);
                urls = urls.SelectMany(url => values.Select(v => url.Replace($"{{{name}}}", Uri.EscapeDataString(v))));
            }
            return urls.Select(url => new PreparedRequest(Method, url, body));
        }

        private IReadOnlyList<string> Values(JsonNode parameter, MercyRows rows)
        {
            var name = (string)parameter["name"]!;
            var schema = Resolve(parameter["schema"]!, Document);
            if ((string?)schema["format"] != "uuid")
            {
                return [Sample.Of(schema, Document, 0)?.GetValue<object>().ToString() ?? "isolation"];
            }
            var segments = Path.Split('/');
            var collection = segments[Math.Max(0, Array.IndexOf(segments, $"{{{name}}}") - 1)];
            return rows.IdsFor(collection, name);
        }
    }

    /// <summary>The smallest well-formed value of a schema, so that a body is refused for whose it is, not for its shape.</summary>
    private static class Sample
    {
        public static JsonNode? Of(JsonNode schema, JsonNode document, int depth)
        {
            schema = Resolve(schema, document);
            if (depth > 5)
            {
                return null;
            }
            if (schema["enum"] is JsonArray values && values.Count > 0)
            {
                return values[0]?.DeepClone();
            }
            foreach (var alternative in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema[alternative] is JsonArray options && options.FirstOrDefault(o => Type(Resolve(o!, document)) != "null") is { } first)
                {
                    return Of(first!, document, depth + 1);
                }
            }
            return Type(schema) switch
            {
                "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                    .Select(p => KeyValuePair.Create(p.Key, Of(p.Value!, document, depth + 1)))),
                "array" => schema["items"] is { } items ? new JsonArray(Of(items, document, depth + 1)) : new JsonArray(),
                "integer" or "number" => JsonValue.Create(1),
                "boolean" => JsonValue.Create(false),
                "string" => JsonValue.Create(((string?)schema["format"]) switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date-time" => DateTimeOffset.UtcNow.ToString("O"),
                    "uri" => "https://example.org/isolation-matrix",
                    "email" => "isolation-matrix@example.org",
                    _ when ((string?)schema["pattern"])?.Contains(':') == true => "01:00:00",
                    _ => "isolation matrix",
                }),
                _ => null,
            };
        }

        private static string? Type(JsonNode schema) => schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue type => (string?)type,
            _ => schema["properties"] is not null ? "object" : null,
        };
    }

    private static JsonNode Resolve(JsonNode node, JsonNode document)
    {
        while (node["$ref"] is JsonValue reference)
        {
            node = ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(document, (n, key) => n[key.Replace("~1", "/").Replace("~0", "~")]!);
        }
        return node;
    }

    /// <summary>Real rows of mercy's, of every kind a route can name, and what of them must never reach another institution.</summary>
    private sealed class MercyRows
    {
        private readonly Dictionary<string, Guid> _ids = [];
        private readonly List<(string What, string Value)> _markers = [];

        public IReadOnlyList<string> IdsFor(string collection, string parameter)
        {
            var key = parameter switch
            {
                "caseId" => "cases",
                "deliveryId" => "deliveries",
                "reportId" => "reports",
                _ => collection,
            };
            // A route of a kind this list does not know yet is tried with every id of mercy's.
            return _ids.TryGetValue(key, out var id) ? [id.ToString()] : [.. _ids.Values.Select(v => v.ToString())];
        }

        public string? LeakIn(string body) =>
            _markers.FirstOrDefault(m => body.Contains(m.Value, StringComparison.OrdinalIgnoreCase)).What;

        private void Add(string collection, Guid id)
        {
            _ids[collection] = id;
            _markers.Add(($"{collection} id", id.ToString()));
        }

        public static async Task<MercyRows> CreateAsync(PlatformFixture platform)
        {
            var rows = new MercyRows();
            var tag = Guid.NewGuid().ToString("N")[..12];
            using var admin = platform.App.CreateHttpClient("gateway", Owner, $"matrix-admin-{tag}", "institution-admin");
            using var staff = platform.App.CreateHttpClient("gateway", Owner, $"matrix-staff-{tag}", "case-manager");

            var subscription = await CreatedAsync(await admin.PostAsJsonAsync("/api/notifications/webhooks",
                new { url = $"https://partner.example/matrix-{tag}", eventTypes = new[] { "haven.reports.report-submitted.v1" } }));
            rows.Add("webhooks", subscription.GetProperty("subscription").GetProperty("id").GetGuid());
            // Every text of mercy's rows below carries the tag.
            rows._markers.Add(("text", tag));

            var person = await NotificationHelpers.AddPersonAsync(admin, "case-manager", email: $"matrix-{tag}@mercy.example");
            rows.Add("directory", person.Id);

            // Signed in, so that it spends mercy's budget rather than the anonymous routes' shared one.
            using var reporter = platform.App.CreateHttpClient("gateway", Owner, $"matrix-reporter-{tag}", "reporter");
            var report = IntakeReports.Harassment(Owner);
            report["description"] = $"Isolation matrix report {tag}.";
            var accepted = await IntakeReports.Submit(reporter, report);
            rows.Add("cases", accepted.CaseId);
            rows.Add("reports", accepted.ReportId);

            await Eventually.Returns(async () => (await staff.GetAsync($"/api/cases/{accepted.CaseId}")).StatusCode,
                status => status == HttpStatusCode.OK, "the case in escalation", TimeSpan.FromSeconds(60));
            var item = await Eventually.Returns(() => NotificationHelpers.InboxAsync(platform, Owner, person),
                items => items.Any(i => i.CaseId == accepted.CaseId), "the case in the person's inbox", TimeSpan.FromSeconds(60));
            rows.Add("inbox", item.Single(i => i.CaseId == accepted.CaseId).Id);
            var deliveries = await Eventually.Returns(
                () => admin.GetFromJsonAsync<JsonElement>($"/api/notifications/webhooks/{rows._ids["webhooks"]}/deliveries"),
                list => list.GetArrayLength() > 0, "the report's webhook delivery", TimeSpan.FromSeconds(60));
            rows.Add("deliveries", deliveries[0].GetProperty("id").GetGuid());

            // Closed at once by its requester: an open request would be offered to the peer-support tests' supporters.
            using var requester = platform.App.CreateHttpClient("gateway", Owner, $"matrix-requester-{tag}", "reporter");
            var request = await CreatedAsync(await requester.PostAsJsonAsync("/api/peer-support/requests", new
            {
                firstName = "Matrix", preferredContact = $"matrix-{tag}-contact", department = "Isolation", languages = new[] { "en" },
                experience = new[] { $"matrix-{tag}" }, preferAnotherInstitution = false, urgent = false,
            }));
            var requestId = request.GetProperty("id").GetGuid();
            rows.Add("requests", requestId);
            await Eventually.Returns(async () => (await requester.GetAsync($"/api/peer-support/requests/{requestId}")).StatusCode,
                status => status == HttpStatusCode.OK, "the support request", TimeSpan.FromSeconds(60));
            using var closed = await requester.PostAsJsonAsync($"/api/peer-support/requests/{requestId}/close", new { });
            Assert.True(closed.IsSuccessStatusCode, $"closing the support request: {(int)closed.StatusCode}");
            return rows;
        }

        private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
                return JsonDocument.Parse(body).RootElement.Clone();
            }
        }
    }
}
