using Haven.Identity;
using Haven.Notification.Apis;
using Haven.Notification.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapServiceInfo("api/notifications").RequireAuthorization(HavenPolicies.Operator);
app.MapDirectoryApi();
app.MapInboxApi();
app.MapTemplatesApi();
app.MapWebhooksApi();
app.MapAmqpSubscriptionsApi();
app.MapDeliveriesApi();

app.Run();
