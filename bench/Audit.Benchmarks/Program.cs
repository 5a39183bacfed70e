using System.Diagnostics;
using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Hosting;
using Microsoft.EntityFrameworkCore;

// Audit append throughput against a real PostgreSQL (started like the tests start it): W writers append E entries
// each, spread over I institutions' chains, every append in its own transaction holding the chain head's lock.
var writers = args.Length > 0 ? int.Parse(args[0]) : 8;
var perWriter = args.Length > 1 ? int.Parse(args[1]) : 500;
var institutions = args.Length > 2 ? int.Parse(args[2]) : 4;

var builder = DistributedApplicationTestingBuilder.CreateEmpty();
builder.Builder.AddPostgres("postgres").AddDatabase("auditdb");
await using var app = await builder.BuildAsync();
await app.StartAsync();
var options = new DbContextOptionsBuilder<AuditDbContext>().UseNpgsql(app.GetConnectionString("auditdb")).Options;
await using (var db = new AuditDbContext(options))
{
    await db.Database.MigrateAsync();
}

var payload = """{"caseId":"00000000-0000-0000-0000-000000000000","status":"Acknowledged","changedAt":"2026-11-22T00:00:00Z"}""";
var timer = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
{
    for (var i = 0; i < perWriter; i++)
    {
        await using var db = new AuditDbContext(options);
        var chain = new AuditChain(db, TimeProvider.System);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await chain.AppendAsync(new AuditRecord($"inst-{(writer + i) % institutions}", Guid.NewGuid(), "haven:cases:case-status-changed:v1",
            DateTimeOffset.UtcNow, "bench", CaseSubject.Ref(Guid.Empty), Guid.Empty, payload), CancellationToken.None);
        await transaction.CommitAsync();
    }
})));
timer.Stop();

var total = writers * perWriter;
Console.WriteLine($"{total} entries, {writers} writers, {institutions} chains: {total / timer.Elapsed.TotalSeconds:F0} entries/s");
await using (var db = new AuditDbContext(options))
{
    var verifier = new ChainVerifier(db);
    for (var i = 0; i < institutions; i++)
    {
        var result = await verifier.VerifyAsync($"inst-{i}", 1, null, CancellationToken.None);
        Console.WriteLine($"inst-{i}: {result.EntriesChecked} entries, valid={result.Valid}");
    }
}
