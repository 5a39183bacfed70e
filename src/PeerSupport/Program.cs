using Haven.Identity;
using Haven.PeerSupport.Apis;
using Haven.PeerSupport.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddHttpApiDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpApiDefaults();

app.MapDefaultEndpoints();
app.MapServiceInfo("api/peer-support").RequireAuthorization(HavenPolicies.Operator);
app.MapSupportersApi();
app.MapRequestsApi();
app.MapNetworkApi();
app.MapToolkitApi();
app.MapAmplificationApi();

app.Run();
