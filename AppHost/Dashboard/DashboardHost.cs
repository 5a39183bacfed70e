using System.Net;
using System.Text.Json.Serialization;
using Haven.Hosting.Dashboard.Api;
using Haven.Hosting.Dashboard.Otlp;
using Haven.Hosting.Dashboard.Pages;
using Haven.Hosting.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Hosting.Dashboard;

/// <summary>
/// The operator dashboard inside the AppHost, in place of Aspire's: pages and their JSON API on the browser
/// port, the OTLP/HTTP receiver on its own port. Kestrel only, with none of the host's defaults (no
/// configuration files, no ASPNETCORE_URLS, no console logging to mix into the resources' output).
/// </summary>
internal sealed class DashboardHost(DistributedApplication app, DashboardOptions options) : IAsyncDisposable
{
    private WebApplication? _web;

    public TelemetryStore Telemetry { get; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Haven.Dashboard" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.BrowserPort);
            kestrel.Listen(IPAddress.Loopback, options.OtlpPort);
        });
        builder.Services.AddRoutingCore();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(app).AddSingleton(options).AddSingleton(Telemetry)
            .AddSingleton<DashboardAccess>().AddSingleton<ResourceActions>().AddSingleton<RabbitMQQueues>();

        var web = builder.Build();
        var access = web.Services.GetRequiredService<DashboardAccess>();
        web.Use(access.InvokeAsync);
        web.MapGet(DashboardAccess.LoginPath, (HttpContext context, string? t, string? returnUrl) => access.Login(context, t, returnUrl));
        web.MapOtlpReceiver().MapResourcesApi().MapConsoleLogsApi().MapStructuredLogsApi().MapTracesApi().MapMetricsApi().MapDashboardPages();
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await web.DisposeAsync();
            throw new DistributedApplicationException(
                $"The dashboard could not listen on ports {options.BrowserPort} and {options.OtlpPort} ({e.Message}) — stop what holds them " +
                "or choose others with --dashboard-port N --dashboard-otlp-port N.");
        }
        _web = web;
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            // Open event streams end with the host; they would otherwise hold shutdown for its whole timeout.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _web.StopAsync(timeout.Token);
            await _web.DisposeAsync();
            _web = null;
        }
    }
}
