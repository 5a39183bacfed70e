namespace Haven.Gateway;

/// <summary>The gateway's own settings (configuration section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Larger request bodies get 413 before they reach a service.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per minute for each institution, over all its users.</summary>
    public int PerInstitutionPerMinute { get; set; } = 1200;

    /// <summary>Requests per minute for each client address on the anonymous routes (report submission, follow-up).</summary>
    public int AnonymousPerClientPerMinute { get; set; } = 20;

    /// <summary>
    /// The key with which the web application names the address of the browser it calls for (see
    /// <see cref="Security.WebAppClientAddress"/>); none, and every request counts by its connection's address.
    /// </summary>
    public string? WebAppKey { get; set; }

    /// <summary>Browser origins allowed to call the API (CORS); none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Request headers a client might use to claim an identity or a tenant. They are removed before
    /// anything else runs: who the caller is comes from the validated token only.
    /// </summary>
    public string[] StrippedHeaders { get; set; } =
    [
        "X-Institution", "X-Institution-Id", "X-Tenant", "X-Tenant-Id", "X-Network", "X-User", "X-User-Id",
        "X-Roles", "X-User-Roles", "X-Forwarded-User", "X-Authenticated-User", "X-Remote-User", "Remote-User",
    ];

    /// <summary>Every header with this prefix is Haven's own and never accepted from a client.</summary>
    public const string ReservedHeaderPrefix = "X-Haven-";
}
