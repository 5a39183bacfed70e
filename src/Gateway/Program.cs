using Haven.Gateway;
using Haven.Gateway.ApiDocs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseGatewayPipeline();

app.MapDefaultEndpoints();
app.MapApiDocuments();
app.MapUnknownApiPaths();
app.MapReverseProxy(proxy =>
{
    proxy.UseForwarderProblemDetails();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();
