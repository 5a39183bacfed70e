namespace Haven.PeerSupport.Apis;

public sealed record ToolkitResourceRequest(string Topic, string Title, string? Url, string? Summary, bool ForMyInstitutionOnly);

public sealed record ToolkitResourceResponse(Guid? Id, string Topic, string Title, string? Url, string? Summary, string Scope);

/// <summary>A target's request that the network post supportive messages: where, and what. No field takes the abuse.</summary>
public sealed record AmplificationRequest(string Platform, string SupportUrl, string Message);

public sealed record AmplificationResponse(Guid Id, string Platform, string SupportUrl, string Message, DateTimeOffset RequestedAt);
