using Haven.Escalation.Apis;
using Haven.Escalation.Extensions;
using Haven.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddHttpApiDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpApiDefaults();

app.MapDefaultEndpoints();
app.MapServiceInfo("api/cases").RequireAuthorization(HavenPolicies.Operator);
app.MapPolicyApi();
app.MapCasesApi();

app.Run();
