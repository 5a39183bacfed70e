using Haven.Identity;
using Haven.Intake.Data;
using Haven.Intake.Reports;
using Haven.Messaging.Tenancy;
using MassTransit;

namespace Haven.Intake.Apis;

/// <summary>What the intake handlers need, bound with <c>[AsParameters]</c>.</summary>
public sealed class IntakeServices(IntakeDbContext db, IPublishEndpoint publish, ReportIntake intake, ReportWithdrawal withdrawal, InstitutionDirectory directory,
    TenantContext tenant, TimeProvider time, ILogger<IntakeServices> logger)
{
    public IntakeDbContext Db { get; } = db;
    public IPublishEndpoint Publish { get; } = publish;
    public ReportIntake Intake { get; } = intake;
    public ReportWithdrawal Withdrawal { get; } = withdrawal;
    public InstitutionDirectory Directory { get; } = directory;
    public TenantContext Tenant { get; } = tenant;
    public TimeProvider Time { get; } = time;
    public ILogger<IntakeServices> Logger { get; } = logger;
}
