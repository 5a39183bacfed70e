using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using static Haven.Platform.IntegrationTests.IntakeReports;

namespace Haven.Platform.IntegrationTests.Intake;

[Collection(PlatformCollection.Name)]
public sealed class When_a_reporter_submits_anonymously(PlatformFixture platform)
{
    [Fact]
    public async Task The_answer_is_202_with_a_case_key_and_secret_that_open_the_report()
    {
        using var client = IntakeClients.Fresh(platform);

        var accepted = await Submit(client, Harassment());
        using var response = await client.SendAsync(IntakeClients.FollowUp(accepted.CaseKey!, accepted.CaseSecret!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followUp = (await response.Content.ReadFromJsonAsync<FollowUp>(JsonSerializerOptions.Web))!;
        Assert.Equal(accepted.ReportId, followUp.ReportId);
        Assert.Equal(accepted.CaseId, followUp.CaseId);
        Assert.False(followUp.HeldUntilCorroborated);
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_key_answers_401()
    {
        using var client = IntakeClients.Fresh(platform);
        var accepted = await Submit(client, Harassment());

        // One character changed (never to itself: a secret may already end in "0").
        var secret = accepted.CaseSecret!;
        using var wrongSecret = await client.SendAsync(IntakeClients.FollowUp(accepted.CaseKey!, secret[..^1] + (secret[^1] == '0' ? "1" : "0")));
        using var unknownKey = await client.SendAsync(IntakeClients.FollowUp("HK-0000000000000000", accepted.CaseSecret!));
        using var noKey = await client.GetAsync("/api/intake/follow-up");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task A_key_opens_only_its_own_case()
    {
        using var client = IntakeClients.Fresh(platform);
        var first = await Submit(client, Harassment());
        var second = await Submit(client, Conduct(institution: "lakeside"));

        using var own = await client.SendAsync(IntakeClients.FollowUp(second.CaseKey!, second.CaseSecret!));
        using var crossed = await client.SendAsync(IntakeClients.FollowUp(first.CaseKey!, second.CaseSecret!));

        Assert.Equal(second.CaseId, (await own.Content.ReadFromJsonAsync<FollowUp>(JsonSerializerOptions.Web))!.CaseId);
        Assert.NotEqual(first.CaseId, second.CaseId);
        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_reporter_files_without_a_case_key_and_only_with_their_own_institution()
    {
        using var client = IntakeClients.Fresh(platform, platform.App.CreateToken("mercy", "rita", "reporter"));

        var accepted = await Submit(client, Harassment(disclosure: "Named"));
        using var elsewhere = await client.PostAsJsonAsync("/api/intake/reports", Harassment(institution: "lakeside", disclosure: "Named"));

        Assert.Null(accepted.CaseKey);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }
}

[Collection(PlatformCollection.Name)]
public sealed class When_an_invalid_report_is_submitted(PlatformFixture platform)
{
    [Fact]
    public async Task The_answer_is_400_with_field_errors_and_nothing_is_stored()
    {
        using var client = IntakeClients.Fresh(platform);
        var marker = $"invalid report {Guid.NewGuid():N}";
        var report = Harassment();
        report["description"] = marker;
        report["categories"] = new[] { "HealthMisinformation" };
        report["contentUrls"] = new[] { "ftp://x.com/a", "https://user:secret@x.com/b" };
        report["subject"] = new { name = "Dr. Jane Doe", email = "not an email" };

        using var response = await client.PostAsJsonAsync("/api/intake/reports", report);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "categories[0]", "contentUrls[0]", "contentUrls[1]", "subject.email" }, errors);
        Assert.Equal(0L, await ReportsWithDescription(marker));
    }

    [Fact]
    public async Task A_NUL_character_in_any_text_field_is_refused_with_the_fields_named_and_nothing_is_stored()
    {
        using var client = IntakeClients.Fresh(platform);
        var marker = $"report with NUL {Guid.NewGuid():N}";
        var report = Harassment();
        report["description"] = marker;
        report["evidence"] = new[] { new { text = "the words\0 as seen", handle = "@someone", seenAt = DateTimeOffset.UtcNow.AddHours(-2) } };
        report["subject"] = new { name = "Dr. Jane\0 Doe", email = IntakeReports.NewSubjectEmail() };

        using var response = await client.PostAsJsonAsync("/api/intake/reports", report);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["evidence[0].text", "subject.name"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0L, await ReportsWithDescription(marker));
    }

    [Fact]
    public async Task A_form_that_is_not_json_is_refused()
    {
        using var client = IntakeClients.Fresh(platform);

        using var response = await client.PostAsync("/api/intake/reports", new StringContent("{ not json", null, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<long> ReportsWithDescription(string description)
    {
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("intakedb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM reports WHERE "Description" = @d""", connection);
        command.Parameters.AddWithValue("d", description);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

[Collection(PlatformCollection.Name)]
public sealed class When_reports_are_triaged_at_intake(PlatformFixture platform)
{
    [Fact]
    public async Task A_duplicate_of_the_same_content_joins_the_open_case()
    {
        using var client = IntakeClients.Fresh(platform);
        var id = Guid.NewGuid().ToString("N");

        var first = await Submit(client, Conduct(url: $"https://www.instagram.com/p/{id}/?utm_source=ig_web_copy_link"));
        var second = await Submit(client, Conduct(url: $"HTTPS://WWW.INSTAGRAM.COM:443/p/{id}#comments"));
        var elsewhere = await Submit(client, Conduct(institution: "lakeside", url: $"https://www.instagram.com/p/{id}"));

        Assert.Equal(first.CaseId, second.CaseId);
        Assert.NotEqual(first.ReportId, second.ReportId);
        Assert.NotEqual(first.CaseId, elsewhere.CaseId);
    }

    [Fact]
    public async Task A_complaint_about_the_target_of_an_open_harassment_case_in_the_network_is_flagged()
    {
        using var client = IntakeClients.Fresh(platform);
        var target = NewSubjectEmail();
        await Submit(client, Harassment(institution: "lakeside", subjectEmail: target, categories: ["ThreatOfViolence"]));

        var complaint = await Submit(client, Conduct(institution: "mercy", subjectEmail: target));
        var unrelated = await Submit(client, Conduct(institution: "mercy"));
        var otherNetwork = await Submit(client, Conduct(institution: "northfield", subjectEmail: target));

        Assert.Equal((true, "target"), await Flag(complaint.ReportId));
        Assert.False((await Flag(unrelated.ReportId)).Flagged);
        Assert.False((await Flag(otherNetwork.ReportId)).Flagged);
    }

    [Fact]
    public async Task A_burst_about_one_person_joins_one_flagged_campaign_case_and_flags_the_cases_opened_before_it()
    {
        using var client = IntakeClients.Fresh(platform);
        var subject = NewSubjectEmail();

        // The default threshold is three: the first two are single reports when they arrive, each on a post of its own.
        var reports = new List<Accepted>();
        for (var i = 0; i < 5; i++)
        {
            reports.Add(await Submit(client, Conduct(subjectEmail: subject)));
        }

        foreach (var report in reports)
        {
            Assert.Equal((true, "burst"), await Flag(report.ReportId));
        }
        // The campaign is the case of the first report; the second's case opened before the burst was recognised.
        Assert.All(reports.Skip(2), r => Assert.Equal(reports[0].CaseId, r.CaseId));
        Assert.NotEqual(reports[0].CaseId, reports[1].CaseId);
        var campaign = await Eventually.Returns(() => EscalationCase(reports[0].CaseId), c => c is { Reports: 4 }, "the campaign case's four reports");
        var earlier = await Eventually.Returns(() => EscalationCase(reports[1].CaseId), c => c is { Flagged: true }, "the earlier case flagged");
        Assert.True(campaign!.Value.Flagged);
        Assert.Equal(1, earlier!.Value.Reports);
    }

    private async Task<(bool Flagged, int Reports)?> EscalationCase(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("escalationdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "PossibleRetaliation", "ReportCount" FROM cases WHERE "CorrelationId" = @id""", connection);
        command.Parameters.AddWithValue("id", caseId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetBoolean(0), reader.GetInt32(1)) : null;
    }

    [Fact]
    public async Task A_held_report_waits_for_a_second_report_naming_the_same_subject()
    {
        using var client = IntakeClients.Fresh(platform);
        var subject = NewSubjectEmail();

        var held = await Submit(client, Conduct(subjectEmail: subject, disclosure: "HeldUntilCorroborated"));
        var whileHeld = await FollowUpOf(platform, held);
        var second = await Submit(client, Conduct(subjectEmail: subject));
        var afterSecond = await FollowUpOf(platform, held);

        Assert.True(held.HeldUntilCorroborated);
        Assert.True(whileHeld.HeldUntilCorroborated);
        Assert.False(second.HeldUntilCorroborated);
        Assert.False(afterSecond.HeldUntilCorroborated);
    }

    private async Task<(bool Flagged, string? Reason)> Flag(Guid reportId)
    {
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("intakedb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "PossibleRetaliation", "RetaliationReason" FROM reports WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", reportId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"report {reportId} is stored");
        var reason = reader.IsDBNull(1) ? null : reader.GetString(1);
        return (reader.GetBoolean(0), reason switch
        {
            null => null,
            _ when reason.Contains("target", StringComparison.Ordinal) => "target",
            _ when reason.Contains("burst", StringComparison.Ordinal) => "burst",
            _ => reason,
        });
    }
}

[Collection(PlatformCollection.Name)]
public sealed class When_case_staff_read_the_evidence(PlatformFixture platform)
{
    [Fact]
    public async Task The_case_manager_of_the_cases_institution_reads_it_with_its_digest()
    {
        var accepted = await SubmitAtMercy();
        using var manager = platform.App.CreateHttpClient("gateway", "mercy", "cm-1", "case-manager");

        using var response = await manager.GetAsync($"/api/intake/cases/{accepted.CaseId}/evidence");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evidence = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reports")[0].GetProperty("evidence")[0];
        Assert.Equal("the words as they were seen", evidence.GetProperty("text").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("the words as they were seen"u8)),
            evidence.GetProperty("textSha256").GetString());
    }

    [Fact]
    public async Task Another_institutions_case_manager_gets_404_and_a_reporter_403()
    {
        var accepted = await SubmitAtMercy();
        using var lakeside = platform.App.CreateHttpClient("gateway", "lakeside", "cm-9", "case-manager");
        using var reporter = platform.App.CreateHttpClient("gateway", "mercy", "rita", "reporter");

        using var fromLakeside = await lakeside.GetAsync($"/api/intake/cases/{accepted.CaseId}/evidence");
        using var fromReporter = await reporter.GetAsync($"/api/intake/cases/{accepted.CaseId}/evidence");

        Assert.Equal(HttpStatusCode.NotFound, fromLakeside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromReporter.StatusCode);
    }

    [Fact]
    public async Task A_client_supplied_institution_header_changes_nothing()
    {
        var atMercy = await SubmitAtMercy();
        using var client = IntakeClients.Fresh(platform);
        var atLakeside = await Submit(client, Harassment(institution: "lakeside"));
        using var manager = platform.App.CreateHttpClient("gateway", "mercy", "cm-1", "case-manager");
        manager.DefaultRequestHeaders.Add("X-Institution", "lakeside");

        using var own = await manager.GetAsync($"/api/intake/cases/{atMercy.CaseId}/evidence");
        using var other = await manager.GetAsync($"/api/intake/cases/{atLakeside.CaseId}/evidence");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private async Task<Accepted> SubmitAtMercy()
    {
        using var client = IntakeClients.Fresh(platform);
        return await Submit(client, Harassment());
    }
}
