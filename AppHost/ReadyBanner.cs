using System.Diagnostics;
using Haven.AppHost.Resources;
using Microsoft.Extensions.Logging;

namespace Haven.AppHost;

public static class ReadyBanner
{
    /// <summary>
    /// Once every resource is healthy, prints where the platform answers: the gateway, the dashboard with its login token,
    /// RabbitMQ's management UI with its credentials. The resources' own logs stay in the dashboard, not on this console.
    /// </summary>
    public static void PrintWhenReady(this IDistributedApplicationBuilder builder, LocalData data)
    {
        var started = Stopwatch.StartNew();
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, ct) =>
        {
            _ = PrintAsync(e.Services, builder, data, started, ct);
            return Task.CompletedTask;
        });
    }

    private static async Task PrintAsync(IServiceProvider services, IDistributedApplicationBuilder builder, LocalData data,
        Stopwatch started, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Haven");
        var model = services.GetRequiredService<DistributedApplicationModel>();
        try
        {
            // Each service waits for its database, the broker and the mail server before it starts.
            await Task.WhenAll(model.Resources.OfType<ProjectResource>()
                .Select(project => notifications.WaitForResourceHealthyAsync(project.Name, cancellationToken)));
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var gateway = model.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway").GetEndpoint("http");
        var broker = model.Resources.OfType<LocalRabbitMQResource>().Single();
        var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0];
        var lines = new List<string>
        {
            $"Haven is running; every resource is healthy ({started.Elapsed.TotalSeconds:F1} s).",
            $"  Gateway:             {gateway.Url}",
            $"  Staff sign-in:       {gateway.Url}/sign-in  (development provider: demo people, no passwords)",
        };
        if (dashboard is not null && builder.Configuration["AppHost:BrowserToken"] is { } token)
        {
            lines.Add($"  Dashboard:           {dashboard}/login?t={token}");
        }
        lines.Add($"  RabbitMQ management: {broker.Management.Url}  (user {await broker.UserName.GetValueAsync(cancellationToken)}, " +
            $"password {await broker.Password.GetValueAsync(cancellationToken)})");
        lines.Add($"  Data folder:         {data.Directory}");
        lines.Add("  ./haven token --institution mercy --user alice --role case-manager   prints a token for the API.");
        logger.LogInformation("{Banner}", string.Join(Environment.NewLine, lines));
    }
}
