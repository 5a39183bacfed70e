namespace Haven.Intake.Triage;

/// <summary>
/// One spelling per piece of content, so that two reports of the same post find each other: lower-case scheme and
/// host, no default port, no fragment, no tracking parameters, sorted query, no trailing slash.
/// </summary>
public static class UrlNormalizer
{
    // Share and campaign trackers: they differ per reader, never per content.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "igsh", "mc_cid", "mc_eid",
        "ref_src", "ref_url", "_ga", "_gl", "si", "mkt_tok",
    };

    /// <summary>Null with a reason when the text is not an acceptable content URL.</summary>
    public static bool TryNormalize(string? text, out string normalized, out string? error)
    {
        normalized = "";
        error = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            error = "Must be an absolute URL.";
            return false;
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            error = "Must be an http or https URL.";
            return false;
        }
        if (uri.UserInfo.Length > 0)
        {
            error = "Must not contain credentials.";
            return false;
        }
        if (uri.Host.Length == 0)
        {
            error = "Must name a host.";
            return false;
        }

        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var path = uri.AbsolutePath.TrimEnd('/');
        normalized = $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{Query(uri.Query)}";
        return true;
    }

    private static string Query(string query)
    {
        var kept = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(Uri.UnescapeDataString(pair.Split('=', 2)[0])))
            .OrderBy(pair => pair, StringComparer.Ordinal)
            .ToList();
        return kept.Count == 0 ? "" : "?" + string.Join('&', kept);
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
}
