using System.ComponentModel.DataAnnotations;

namespace Haven.PeerSupport.Apis;

/// <summary>A network lead's resource for targets; it replaces Haven's default resources of its topic.</summary>
/// <param name="Topic">The topic, e.g. <c>lock-down</c> or <c>report-police</c>, at most 50 characters (stored lower-case).</param>
/// <param name="Title">The title, at most 200 characters.</param>
/// <param name="Url">An https address; optional.</param>
/// <param name="Summary">What it says, at most 2000 characters; optional.</param>
/// <param name="ForMyInstitutionOnly">True: for the lead's institution only; false: for the whole network.</param>
public sealed record ToolkitResourceRequest([property: MaxLength(50)] string Topic, [property: MaxLength(200)] string Title, string? Url,
    [property: MaxLength(2000)] string? Summary, bool ForMyInstitutionOnly);

/// <summary>A resource for targets; per topic, the institution's replace the network's, which replace Haven's.</summary>
/// <param name="Id">The resource; null for Haven's defaults.</param>
/// <param name="Topic">The topic, e.g. <c>lock-down</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Url">Where to read it; null when it has no link.</param>
/// <param name="Summary">What it says; null when not given.</param>
/// <param name="Scope">Whose it is: <c>haven</c>, <c>network</c> or <c>institution</c>.</param>
public sealed record ToolkitResourceResponse(Guid? Id, string Topic, string Title, string? Url, string? Summary, string Scope);

/// <summary>A target's request that the network post supportive messages: where, and what. No field takes the abuse.</summary>
/// <param name="Platform">The social-media platform, e.g. Instagram, at most 50 characters.</param>
/// <param name="SupportUrl">The https address of the target's own post or profile, where support is wanted, at most 500 characters.</param>
/// <param name="Message">What the target would like supporters to say, at most 1000 characters.</param>
public sealed record AmplificationRequest([property: MaxLength(50)] string Platform, [property: MaxLength(500)] string SupportUrl,
    [property: MaxLength(1000)] string Message);

/// <summary>An open amplification request of the network.</summary>
/// <param name="Id">The request.</param>
/// <param name="Platform">The social-media platform.</param>
/// <param name="SupportUrl">The target's own post or profile, where support is wanted.</param>
/// <param name="Message">What the target would like supporters to say.</param>
/// <param name="RequestedAt">When it was requested.</param>
public sealed record AmplificationResponse(Guid Id, string Platform, string SupportUrl, string Message, DateTimeOffset RequestedAt);
