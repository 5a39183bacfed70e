using Haven.Escalation.Cases;
using Haven.Escalation.Extensions;
using Haven.Escalation.Policies;
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
