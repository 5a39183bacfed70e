using Haven.WebApp.Components;
using Haven.WebApp.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseWebAppPipeline();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapAuthenticationEndpoints();
app.MapDownloads();
app.MapRazorComponents<App>();

app.Run();
