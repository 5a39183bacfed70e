using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Haven.Platform.IntegrationTests;

/// <summary>The directory, inbox, mail folder and webhook receivers of the notification tests.</summary>
internal static class NotificationHelpers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Digest(string institution, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{institution}:{email.Trim().ToLowerInvariant()}")));

    public sealed record Person(Guid Id, string UserId, string DisplayName, string Email, string[] Roles);

    public static async Task<Person> AddPersonAsync(HttpClient admin, string role, string? email = null, object? preferences = null)
    {
        var user = $"{role}-{Guid.NewGuid():N}"[..24];
        using var response = await admin.PostAsJsonAsync("/api/notifications/directory", new
        {
            userId = user, displayName = "Alex Example", email = email ?? $"{user}@staff.example.org", roles = new[] { role }, preferences,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Person>(body, Json)!;
    }

    public sealed record InboxItem(Guid Id, Guid NotificationId, Guid CaseId, string Kind, string Title, string Body, string Link);

    public static async Task<List<InboxItem>> InboxAsync(PlatformFixture platform, string institution, Person person)
    {
        using var client = platform.App.CreateHttpClient("gateway", institution, person.UserId, "case-manager");
        return (await client.GetFromJsonAsync<List<InboxItem>>("/api/notifications/inbox", Json))!;
    }

    /// <summary>
    /// Every message the local SMTP server has stored (its Maildir's <c>new</c> folder): the headers, then the body decoded
    /// from its transfer encoding, so that what a person would read is what the tests search.
    /// </summary>
    public static List<string> Mail(PlatformFixture platform)
    {
        var folder = Path.Combine(platform.App.Resource<SmtpServerResource>().MailDirectory, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(File.ReadAllText).Select(Decode)] : [];
    }

    private static string Decode(string message)
    {
        var split = message.ReplaceLineEndings("\n").Split("\n\n", 2);
        if (split.Length < 2)
        {
            return message;
        }
        var (headers, body) = (split[0], split[1]);
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n', StringSplitOptions.TrimEntries))));
        }
        else if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = body.Replace("=\n", "");
        }
        return headers + "\n\n" + body;
    }

    public static List<string> MailTo(PlatformFixture platform, string email) =>
        [.. Mail(platform).Where(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase))];
}

/// <summary>A partner's endpoint on 127.0.0.1 that records what it gets and answers with a chosen status.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<(Dictionary<string, string> Headers, string Body)> _received = [];

    public WebhookReceiver(HttpStatusCode status)
    {
        Status = status;
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public HttpStatusCode Status { get; set; }
    public string Url => $"http://127.0.0.1:{Port}/hooks/haven";

    public IReadOnlyList<(Dictionary<string, string> Headers, string Body)> Received
    {
        get { lock (_received) { return [.. _received]; } }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!,
                StringComparer.OrdinalIgnoreCase);
            lock (_received)
            {
                _received.Add((headers, body));
            }
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
