using Haven.Identity;
using Haven.Notification.Apis;
using Haven.Notification.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddHttpApiDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpApiDefaults();

app.MapDefaultEndpoints();
app.MapServiceInfo("api/notifications").RequireAuthorization(HavenPolicies.Operator);
app.MapDirectoryApi();
app.MapInboxApi();
app.MapTemplatesApi();
app.MapWebhooksApi();
app.MapAmqpSubscriptionsApi();
app.MapDeliveriesApi();
app.MapEventsApi();

app.Run();
