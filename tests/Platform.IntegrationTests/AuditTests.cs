using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Haven.Contracts.Audit;
using Haven.Messaging;
using MassTransit;
using Npgsql;

namespace Haven.Platform.IntegrationTests;

/// <summary>The audit chain on the real stack: events arrive over the broker; auditors verify through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_events_are_audited(PlatformFixture platform)
{
    [Fact]
    public async Task A_case_s_chain_verifies_and_one_altered_row_is_found_at_its_sequence()
    {
        using var auditor = platform.App.CreateHttpClient("gateway", "lakeside", "auditor-1", "auditor");
        using var reporter = platform.App.CreateHttpClient("gateway", "lakeside", "reporter-9", "reporter");
        using var submitted = await reporter.PostAsJsonAsync("/api/intake/reports", new Dictionary<string, object?>
        {
            ["track"] = "Harassment",
            ["institutionId"] = "lakeside",
            ["categories"] = new[] { "PersonalAttack" },
            ["context"] = new { kind = "Advocacy", topic = "vaccines" },
            ["platform"] = "X",
            ["contentUrls"] = new[] { $"https://x.com/someone/status/{Guid.NewGuid():N}" },
            ["description"] = "Replies attacking a colleague.",
            ["subject"] = new { name = "Dr. Jane Doe", email = $"dr.{Guid.NewGuid():N}@example.org" },
            ["disclosure"] = "Anonymous",
        });
        var body = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.IsSuccessStatusCode, $"{(int)submitted.StatusCode}: {body}");
        var caseId = JsonDocument.Parse(body).RootElement.GetProperty("caseId").GetGuid();

        var entries = await Eventually.Returns(() => EntriesAsync(auditor, caseId),
            e => e.Any(x => x.Type == "haven:reports:report-submitted:v1") && e.Any(x => x.Type == "haven:cases:case-status-changed:v1"),
            "the case's report and status change in lakeside's chain");
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());

        // A signed checkpoint that another institution could keep, checkable with the published key alone.
        using var created = await auditor.PostAsync("/api/audit/checkpoints", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var checkpoint = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/key");
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.GetProperty("publicKeyPem").GetString());
        Assert.True(ecdsa.VerifyData(Encoding.UTF8.GetBytes(checkpoint.GetProperty("statement").GetString()!),
            Convert.FromBase64String(checkpoint.GetProperty("signature").GetString()!), HashAlgorithmName.SHA256));

        var target = entries.First(e => e.Type == "haven:reports:report-submitted:v1");
        await using var db = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("auditdb"));
        await db.OpenAsync();
        // The service could not do it: the table refuses updates.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(db, """
            UPDATE audit_entries SET "Payload" = '{}' WHERE "InstitutionId" = 'lakeside' AND "Sequence" = @sequence
            """, target.Sequence));
        Assert.Contains("append-only", refused.MessageText);

        // Someone with the database's superuser powers can; the chain still tells.
        var original = target.Payload;
        await Tamper(db, target.Sequence, original.Replace("PersonalAttack", "Other"));
        try
        {
            var broken = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
            Assert.False(broken.GetProperty("valid").GetBoolean());
            Assert.Equal(target.Sequence, broken.GetProperty("failedAtSequence").GetInt64());
            var range = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit/verify?from={target.Sequence + 1}");
            Assert.True(range.GetProperty("valid").GetBoolean(), "entries after the altered one still link to each other");
            // An operator's "Verify audit chains" in the dashboard tells too, naming the institution.
            var command = await VerifyChainsFromTheDashboardAsync();
            Assert.False(command.Success);
            Assert.Contains($"lakeside: 200 {{\"institutionId\":\"lakeside\"", command.Message);
        }
        finally
        {
            await Tamper(db, target.Sequence, original);
        }
        Assert.True((await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify")).GetProperty("valid").GetBoolean());
        Assert.True((await VerifyChainsFromTheDashboardAsync()).Success);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_logged_once_and_only_to_its_institution_s_auditors()
    {
        var broker = (await platform.App.GetConnectionStringAsync("messaging"))!;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.HostAt(broker));
        await bus.StartAsync();
        try
        {
            var caseId = Guid.NewGuid();
            var read = new CaseDataRead("lakeside", caseId, "cm-4", "evidence", DateTimeOffset.UtcNow);
            var messageId = NewId.NextGuid();
            await bus.Publish(read, context => context.MessageId = messageId);
            await bus.Publish(read, context => context.MessageId = messageId);
            await bus.Publish(read with { What = "case" });

            using var auditor = platform.App.CreateHttpClient("gateway", "lakeside", "auditor-1", "auditor");
            await Eventually.Returns(() => EntriesAsync(auditor, caseId), e => e.Count >= 2, "both reads in the chain");
            await Task.Delay(TimeSpan.FromSeconds(1));
            var entries = await EntriesAsync(auditor, caseId);
            Assert.Equal(2, entries.Count);
            Assert.Single(entries, e => e.EventId == messageId);
            Assert.All(entries, e => Assert.Equal("cm-4", e.Actor));

            using var otherAuditor = platform.App.CreateHttpClient("gateway", "mercy", "auditor-2", "auditor");
            Assert.Empty(await EntriesAsync(otherAuditor, caseId));
            using var caseManager = platform.App.CreateHttpClient("gateway", "lakeside", "cm-4", "case-manager");
            Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync($"/api/audit/entries?caseId={caseId}")).StatusCode);

            using var export = await auditor.GetAsync($"/api/audit/export?caseId={caseId}");
            Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
            var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private sealed record Entry(long Sequence, Guid EventId, string Type, string? Actor, string Payload);

    private Task<ExecuteCommandResult> VerifyChainsFromTheDashboardAsync() =>
        platform.App.ResourceCommands.ExecuteCommandAsync(platform.App.Resource<IResource>("audit"), "verify-chains");

    private static async Task<List<Entry>> EntriesAsync(HttpClient auditor, Guid caseId) =>
        (await auditor.GetFromJsonAsync<List<Entry>>($"/api/audit/entries?caseId={caseId}"))!;

    private static async Task Execute(NpgsqlConnection db, string sql, long sequence)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("sequence", sequence);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Tamper(NpgsqlConnection db, long sequence, string payload)
    {
        await using var transaction = await db.BeginTransactionAsync();
        await using (var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", db, transaction))
        {
            await replica.ExecuteNonQueryAsync();
        }
        await using var update = new NpgsqlCommand("""
            UPDATE audit_entries SET "Payload" = @payload WHERE "InstitutionId" = 'lakeside' AND "Sequence" = @sequence
            """, db, transaction);
        update.Parameters.AddWithValue("payload", payload);
        update.Parameters.AddWithValue("sequence", sequence);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
        await transaction.CommitAsync();
    }
}
