using System.Net.Sockets;

namespace Haven.Hosting;

/// <summary>
/// Debian's aiosmtpd with its Maildir handler, as a child process: every accepted message becomes a file under
/// <c>{data}/smtp/Maildir/new</c>, where developers and tests read it.
/// </summary>
internal sealed class SmtpLifecycle(SmtpServerResource smtp, OrchestrationContext context) : ResourceLifecycle(smtp, context)
{
    private const string Python = "/usr/bin/python3";
    private const string InstallHint = "install it with: apt-get install -y python3-aiosmtpd (./haven does this for you)";

    private ManagedProcess? _server;
    private volatile bool _stopping;

    protected override string ResourceType => "SMTP server";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var instance = smtp.Name;
        MarkStarting(instance);
        if (!File.Exists(Python) || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new DistributedApplicationException($"aiosmtpd not found — {InstallHint}");
        }

        var home = Path.Combine(Context.Options.DataDirectory, "smtp");
        smtp.MailDirectory = Path.Combine(home, "Maildir");
        Directory.CreateDirectory(home);
        smtp.Port = PortAllocator.GetFreePort();
        // -n: stay the current user (it would switch to nobody as root); the system interpreter, which has the Debian package.
        _server = ManagedProcess.Start(instance, Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{smtp.Port}", "-c", "aiosmtpd.handlers.Mailbox", smtp.MailDirectory],
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" }, home, Context.Logs);
        WatchExit(instance, _server, () => _stopping);
        Context.Notifications.Update(instance, s => s with
        {
            State = ResourceState.Running,
            ProcessId = _server.Id,
            Urls = [$"smtp://127.0.0.1:{smtp.Port}"],
        });

        await WaitUntilAsync(AcceptsAsync, _server, instance, cancellationToken);
        SetState(instance, ResourceState.Healthy);
    }

    public override async Task StopAsync()
    {
        _stopping = true;
        if (_server is not null)
        {
            await _server.StopAsync(TimeSpan.FromSeconds(5), ManagedProcess.SigInt);
        }
    }

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", smtp.Port!.Value, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
