using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Haven.Hosting.Dashboard.Api;

/// <summary>Stop, start and restart of project replicas from the dashboard, one action at a time per replica.</summary>
internal sealed class ResourceActions(DistributedApplication app, IHostApplicationLifetime lifetime)
{
    private readonly ConcurrentDictionary<string, byte> _running = new();

    public enum Outcome { Done, NotFound, Conflict }

    public async Task<Outcome> RunAsync(string instance, string action)
    {
        var snapshot = app.ResourceNotifications.Snapshots.FirstOrDefault(s => s.Instance == instance);
        var project = app.Resources.OfType<ProjectResource>().FirstOrDefault(p => p.Name == snapshot?.Resource);
        if (snapshot is null || project is null || action is not ("stop" or "start" or "restart"))
        {
            return Outcome.NotFound;
        }
        if ((action == "start") != snapshot.IsTerminal || !_running.TryAdd(instance, 0))
        {
            return Outcome.Conflict;
        }
        try
        {
            // Replica instances are named {project}-{index} by the orchestrator.
            var replica = int.Parse(instance[(project.Name.Length + 1)..]);
            if (action != "start")
            {
                await app.StopReplicaAsync(project.Name, replica);
            }
            if (action != "stop")
            {
                // Not the request's token: a closed browser tab must not leave a replica half started.
                await app.StartReplicaAsync(project.Name, replica, lifetime.ApplicationStopping);
            }
            return Outcome.Done;
        }
        finally
        {
            _running.TryRemove(instance, out _);
        }
    }
}
