using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Messaging.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Tests;

public sealed class When_an_event_is_appended
{
    [Theory]
    [InlineData("case:2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e", null)]
    [InlineData("case:2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e", "6f1c2a4e-0b5e-4c4f-9d0e-2b0e5a7c9d11")]
    [InlineData("service:audit/audit-1", "2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e")]
    [InlineData(null, "2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e")]
    public async Task A_record_whose_case_id_is_not_the_case_its_subject_names_is_refused(string? subjectRef, string? caseId)
    {
        // Refused before the database is touched: the connection string points nowhere.
        await using var db = new AuditDbContext(new DbContextOptionsBuilder<AuditDbContext>().UseNpgsql("Host=unreachable.invalid").Options,
            new TenantContext(new HttpContextAccessor()));
        var record = new AuditRecord("mercy", Guid.NewGuid(), "haven:cases:case-status-changed:v1", DateTimeOffset.UtcNow, null, subjectRef,
            caseId is null ? null : Guid.Parse(caseId), "{}");

        await Assert.ThrowsAsync<ArgumentException>(() => new AuditChain(db, TimeProvider.System).AppendAsync(record, CancellationToken.None));
    }

    [Fact]
    public void A_case_s_subject_names_the_case_and_nothing_else_names_one()
    {
        var caseId = Guid.NewGuid();

        Assert.Equal(caseId, CaseSubject.Of(CaseSubject.Ref(caseId)));
        Assert.Null(CaseSubject.Of("service:audit/audit-1"));
        Assert.Null(CaseSubject.Of("case:bench"));
        Assert.Null(CaseSubject.Of($"Case:{caseId}"));
        Assert.Null(CaseSubject.Of(null));
    }
}
