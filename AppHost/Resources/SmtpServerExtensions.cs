namespace Haven.AppHost.Resources;

public static class SmtpServerExtensions
{
    public static IResourceBuilder<SmtpServerResource> AddLocalSmtpServer(this IDistributedApplicationBuilder builder, string name, LocalData data)
    {
        if (!Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new DistributedApplicationException("aiosmtpd is not installed: apt-get install -y python3-aiosmtpd (./haven does this for you).");
        }
        var smtp = new SmtpServerResource(name, data.PathFor("smtp"));
        // Its home only: aiosmtpd makes the Maildir with its cur, new and tmp folders, but only when the Maildir is not there yet.
        Directory.CreateDirectory(smtp.WorkingDirectory);

        var healthCheck = TcpHealthChecks.Add(builder, $"{name}-greets", () => smtp.Endpoint.Port, send: [], expect: "220"u8.ToArray());

        return builder.AddResource(smtp)
            .WithEndpoint(name: "smtp", scheme: "tcp")
            // -n: stay this user (as root it would switch to nobody, who cannot write the Maildir).
            .WithArgs(context =>
            {
                context.Args.Add("-m");
                context.Args.Add("aiosmtpd");
                context.Args.Add("-n");
                context.Args.Add("-l");
                context.Args.Add(ReferenceExpression.Create($"127.0.0.1:{smtp.Endpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("-c");
                context.Args.Add("aiosmtpd.handlers.Mailbox");
                context.Args.Add(smtp.MailDirectory);
            })
            .WithEnvironment("PYTHONUNBUFFERED", "1")
            .WithHealthCheck(healthCheck);
    }
}
