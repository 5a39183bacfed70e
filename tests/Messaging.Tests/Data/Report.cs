namespace Haven.Messaging.Tests.Data;

/// <summary>An entity an HTTP request would store together with the event announcing it.</summary>
public sealed class Report
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
}
