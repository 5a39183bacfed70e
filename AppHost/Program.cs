using Haven.AppHost;
using Haven.AppHost.Resources;

if (args is [DevelopmentTokens.Verb, .. var tokenArgs])
{
    return await DevelopmentTokens.PrintAsync(tokenArgs);
}

var builder = DistributedApplication.CreateBuilder(args);

// A local run or test keeps its servers' data in a folder it locks; a published manifest has none.
LocalData? data = null;
if (builder.ExecutionContext.IsRunMode && !LocalData.TryOpen(builder, out data))
{
    return 1;
}

var postgres = builder.AddPostgresServer("postgres", data);
var intakeDb = postgres.AddDatabase("intakedb");
var escalationDb = postgres.AddDatabase("escalationdb");
var notificationDb = postgres.AddDatabase("notificationdb");
var auditDb = postgres.AddDatabase("auditdb");
var peerSupportDb = postgres.AddDatabase("peersupportdb");

var messaging = builder.AddMessageBroker("messaging", data);
// Notification provisions partners' AMQP users and queues through the broker's management API.
var messagingManagement = messaging.AddManagementConnection("messaging-management");

// Locally every notification email lands in a Maildir in the data folder, never in a real mailbox.
var smtp = builder.AddMailServer("smtp", data);

// Locally a development OpenID Connect provider plays the institutions' providers (src/DevIdentity, behind the gateway).
var gatewayPort = builder.Configuration.GetValue("gateway-port", 8080);
var identity = data is null ? null : builder.AddDevelopmentIdentity(data, gatewayPort);

// Audit records every event of the platform, so it listens before any other service speaks.
var audit = builder.AddService<Projects.Audit>("audit", identity)
    .WithReference(auditDb).WaitFor(auditDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithAuditCommands(identity);

var intake = builder.AddService<Projects.Intake>("intake", identity)
    .WithReference(intakeDb).WaitFor(intakeDb)
    .WithReference(messaging).WaitFor(messaging)
    .WaitFor(audit);

var escalation = builder.AddService<Projects.Escalation>("escalation", identity)
    .WithReference(escalationDb).WaitFor(escalationDb)
    .WithReference(messaging).WaitFor(messaging)
    .WaitFor(audit);

var notification = builder.AddService<Projects.Notification>("notification", identity)
    .WithReference(notificationDb).WaitFor(notificationDb)
    .WithReference(smtp).WaitFor(smtp)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(messagingManagement)
    .WaitFor(audit);

var peerSupport = builder.AddService<Projects.PeerSupport>("peersupport", identity)
    .WithReference(peerSupportDb).WaitFor(peerSupportDb)
    .WithReference(messaging).WaitFor(messaging)
    .WaitFor(audit);

// The web application people use. It calls the services only through the gateway's APIs, and the gateway serves it at "/".
// With the key they share, it names each reporter's own address for the gateway's per-client limits.
var webAppKey = builder.AddParameter("webapp-gateway-key", new GenerateParameterDefault { MinLength = 32, Special = false },
    secret: true, persist: true);
var webApp = builder.AddService<Projects.WebApp>("webapp", identity)
    .WithEnvironment("WebApp__GatewayKey", webAppKey);
if (data is not null)
{
    // Its cookie and antiforgery keys outlive a restart of the web app, and of the whole run.
    webApp.WithEnvironment("WebApp__DataProtectionKeys", data.PrivateFolder("webapp-keys"));
}

// The gateway starts once the services are healthy: its health probes then find them up from the first, where a gateway
// started beside them would answer 503 until its next probe (up to 5 s after every resource reports healthy).
var gateway = builder.AddService<Projects.Gateway>("gateway", identity, publicPort: gatewayPort)
    .WithExternalHttpEndpoints()
    .WithIdentityRoute(identity)
    .WithReference(intake).WaitFor(intake)
    .WithReference(escalation).WaitFor(escalation)
    .WithReference(notification).WaitFor(notification)
    .WithReference(audit).WaitFor(audit)
    .WithReference(peerSupport).WaitFor(peerSupport)
    .WithReference(webApp).WaitFor(webApp)
    .WithEnvironment("Gateway__WebAppKey", webAppKey);
webApp.WithReference(gateway);

builder.SeedDemoDirectoryWhenReady(gateway, identity);

if (data is not null)
{
    builder.PrintWhenReady(data);
}

builder.Build().Run();
return 0;
