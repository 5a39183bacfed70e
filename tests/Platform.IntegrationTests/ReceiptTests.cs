using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Haven.Contracts.Audit;
using static Haven.Platform.IntegrationTests.IntakeReports;

namespace Haven.Platform.IntegrationTests;

/// <summary>An anonymous reporter checks, with their case key alone, that the audit log holds their report and its status changes.</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_an_anonymous_reporter_asks_for_a_receipt(PlatformFixture platform)
{
    private const string ReportSubmitted = "haven:reports:report-submitted:v1";
    private const string StatusChanged = "haven:cases:case-status-changed:v1";

    [Fact]
    public async Task It_proves_the_report_and_its_status_changes_up_to_a_periodic_signed_checkpoint_anyone_can_recompute()
    {
        using var reporter = IntakeClients.Fresh(platform);
        using var auditor = platform.App.CreateHttpClient("gateway", "mercy", "auditor-1", "auditor");
        var accepted = await Submit(reporter, Conduct());
        // The last status change the case makes by itself, so no later one outruns the checkpoint.
        await Eventually.Returns(() => auditor.GetFromJsonAsync<List<JsonElement>>($"/api/audit/entries?caseId={accepted.CaseId}&type={StatusChanged}"),
            entries => entries!.Any(e => e.GetProperty("payload").GetString()!.Contains("AwaitingAcknowledgement")), "the case's status changes in the log");

        // No auditor signs anything: the periodic checkpoint covers the case within seconds (every 2 s in the tests).
        using var response = await Eventually.Returns(() => ReceiptAsync(accepted), r => r.StatusCode != HttpStatusCode.Conflict,
            "a signed checkpoint covering the case");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<CaseReceipt>(JsonSerializerOptions.Web))!;
        var own = receipt.Links.Where(l => l.Entry is not null).Select(l => l.Entry!).ToList();
        Assert.Contains(own, e => e.Type == ReportSubmitted);
        Assert.Contains(own, e => e.Type == StatusChanged);
        Assert.Equal(receipt.Checkpoint.Sequence, receipt.Links[^1].Sequence);
        Assert.Equal(Enumerable.Range(0, receipt.Links.Count).Select(i => receipt.Links[0].Sequence + i), receipt.Links.Select(l => l.Sequence));

        // Recomputed here from the documented format, not with the service's code.
        foreach (var entry in own)
        {
            Assert.Equal(ContentDigest(entry), receipt.Links.Single(l => l.Sequence == entry.Sequence).ContentDigest);
        }
        var hash = own[0].PreviousHash;
        foreach (var link in receipt.Links)
        {
            hash = Sha256(hash + link.ContentDigest);
            Assert.Equal(hash, link.Hash);
        }
        Assert.Equal(receipt.Checkpoint.HeadHash, hash);
        var checkpoint = receipt.Checkpoint;
        Assert.Equal($"haven-audit-checkpoint:v1\nmercy\n{checkpoint.Sequence}\n{checkpoint.HeadHash}\n{Timestamp(checkpoint.SignedAt)}", checkpoint.Statement);
        using var key = ECDsa.Create();
        key.ImportFromPem(receipt.Key.PublicKeyPem);
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(checkpoint.Statement), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256));
    }

    [Fact]
    public async Task A_held_report_has_no_receipt_and_a_wrong_secret_gets_none()
    {
        using var reporter = IntakeClients.Fresh(platform);
        var held = await Submit(reporter, Conduct(disclosure: "HeldUntilCorroborated"));

        using var heldReceipt = await ReceiptAsync(held);
        using var wrongSecret = await reporter.SendAsync(
            IntakeClients.WithCaseKey(HttpMethod.Get, "/api/intake/follow-up/receipt", held.CaseKey!, "not-the-secret"));

        Assert.Equal(HttpStatusCode.NotFound, heldReceipt.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }

    private async Task<HttpResponseMessage> ReceiptAsync(Accepted accepted)
    {
        using var client = IntakeClients.Fresh(platform);
        return await client.SendAsync(IntakeClients.WithCaseKey(HttpMethod.Get, "/api/intake/follow-up/receipt", accepted.CaseKey!, accepted.CaseSecret!));
    }

    private static string ContentDigest(CaseReceiptEntry e)
    {
        string[] fields =
        [
            "haven-audit-entry:v1", e.InstitutionId, e.Sequence.ToString(CultureInfo.InvariantCulture), e.EventId.ToString("D"), e.Type,
            Timestamp(e.OccurredAt), Timestamp(e.RecordedAt), e.Actor ?? "", e.SubjectRef ?? "", e.PayloadDigest,
        ];
        return Sha256(string.Concat(fields.Select(f => $"{Encoding.UTF8.GetByteCount(f)}:{f}\n")));
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
