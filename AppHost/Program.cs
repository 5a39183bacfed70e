using Haven.Hosting;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var intakeDb = postgres.AddDatabase("intakedb");
var escalationDb = postgres.AddDatabase("escalationdb");
var notificationDb = postgres.AddDatabase("notificationdb");
var auditDb = postgres.AddDatabase("auditdb");
var peerSupportDb = postgres.AddDatabase("peersupportdb");

var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();

// Local mail: every notification email lands in a Maildir in the data folder, never in a real mailbox.
var smtp = builder.AddSmtpServer("smtp");

// Local stand-in for the institutions' identity providers; ./haven token prints a token it signs.
var identity = builder.AddDevelopmentIdentity("identity")
    .WithInstitution("mercy", network: "lakeshore-coalition")
    .WithInstitution("lakeside", network: "lakeshore-coalition")
    .WithInstitution("northfield", network: "prairie-network");

// Audit records every event of the platform, so it listens before any other service speaks.
var audit = builder.AddProject("audit", "../src/Audit/Audit.csproj")
    .WithReference(auditDb).WaitFor(auditDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity);

var intake = builder.AddProject("intake", "../src/Intake/Intake.csproj")
    .WithReference(intakeDb).WaitFor(intakeDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity)
    .WaitFor(audit);

var escalation = builder.AddProject("escalation", "../src/Escalation/Escalation.csproj")
    .WithReference(escalationDb).WaitFor(escalationDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity)
    .WaitFor(audit);

var notification = builder.AddProject("notification", "../src/Notification/Notification.csproj")
    .WithReference(notificationDb).WaitFor(notificationDb)
    .WithReference(smtp).WaitFor(smtp)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity)
    .WaitFor(audit);

var peerSupport = builder.AddProject("peersupport", "../src/PeerSupport/PeerSupport.csproj")
    .WithReference(peerSupportDb).WaitFor(peerSupportDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity)
    .WaitFor(audit);

builder.AddProject("gateway", "../src/Gateway/Gateway.csproj")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("GatewayPort", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(identity)
    .WithReference(intake).WaitFor(intake)
    .WithReference(escalation).WaitFor(escalation)
    .WithReference(notification).WaitFor(notification)
    .WithReference(audit).WaitFor(audit)
    .WithReference(peerSupport).WaitFor(peerSupport);

builder.Build().Run();

public partial class Program;
