using Haven.Identity;
using Haven.Intake.Apis;
using Haven.Intake.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddHttpApiDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpApiDefaults();

app.MapDefaultEndpoints();
app.MapServiceInfo("api/intake").RequireAuthorization(HavenPolicies.Operator);
app.MapReportsApi();

app.Run();
