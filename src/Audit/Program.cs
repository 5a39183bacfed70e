using Haven.Audit.Apis;
using Haven.Audit.Extensions;
using Haven.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapServiceInfo("api/audit").RequireAuthorization(HavenPolicies.Operator);
app.MapAuditApi();

app.Run();
