using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Haven.Hosting;

/// <summary>Loads the development signing key from the data folder, creating it on first run (mode 600, git-ignored).</summary>
internal sealed class DevelopmentIdentityLifecycle(DevelopmentIdentityResource identity, OrchestrationContext context)
    : ResourceLifecycle(identity, context)
{
    protected override string ResourceType => "Development identity provider";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        MarkStarting(identity.Name);
        LoadSigningKey(identity, Context.Options.DataDirectory);
        Context.Notifications.Update(identity.Name, s => s with
        {
            State = ResourceState.Healthy,
            Urls = [.. identity.Institutions.Select(i => DevelopmentIdentityResource.IssuerFor(i.Id))],
        });
        return Task.CompletedTask;
    }

    public override Task StopAsync()
    {
        SetState(identity.Name, ResourceState.Exited);
        return Task.CompletedTask;
    }

    public static void LoadSigningKey(DevelopmentIdentityResource identity, string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "identity-signing-key.pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        identity.SigningKey = key;
    }
}
