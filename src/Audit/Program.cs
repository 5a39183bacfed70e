using Haven.Audit.Apis;
using Haven.Audit.Extensions;
using Haven.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddHttpApiDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpApiDefaults();

app.MapDefaultEndpoints();
app.MapServiceInfo("api/audit").RequireAuthorization(HavenPolicies.Operator);
app.MapAuditApi();

app.Run();
