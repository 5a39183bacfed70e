using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Haven.Contracts.Cases;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// A partner system on the real broker with the credentials Haven handed out, through the official AMQP client: what
/// it receives, and what the broker refuses it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_partner_subscribes_over_amqp(PlatformFixture platform)
{
    private const string Escalated = "haven.cases.case-escalated.v1";

    [Fact]
    public async Task It_receives_its_institution_s_events_of_its_types_and_the_broker_refuses_it_everything_else()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "mercy", "admin-amqp", "institution-admin");
        using var otherAdmin = platform.App.CreateHttpClient("gateway", "lakeside", "admin-amqp", "institution-admin");
        var mine = await SubscribeAsync(admin, Escalated);
        var theirs = await SubscribeAsync(otherAdmin, Escalated);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/notifications/amqp-subscriptions/{mine.Id}")).StatusCode);

        var partner = new ConnectionFactory { Uri = new Uri(mine.Uri), AutomaticRecoveryEnabled = false };
        Assert.Equal(mine.UserName, partner.UserName);
        await using var connection = await partner.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var received = new ConcurrentQueue<(string? ContentType, CloudEvent Event)>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var contentType = delivery.BasicProperties.ContentType;
            received.Enqueue((contentType, new JsonEventFormatter().DecodeStructuredModeMessage(delivery.Body, new ContentType(contentType!), null)));
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(mine.Queue, autoAck: false, consumer);

        var otherInstitution = new CaseEscalated(Guid.NewGuid(), "lakeside", 2, 1, ["program-director"], DateTimeOffset.UtcNow);
        var otherType = new CaseOverdue(Guid.NewGuid(), "mercy", "lakeshore-coalition", DateTimeOffset.UtcNow);
        var wanted = new CaseEscalated(Guid.NewGuid(), "mercy", 2, 1, ["program-director"], DateTimeOffset.UtcNow);
        await platform.Broker.PublishAsync(otherInstitution);
        await platform.Broker.PublishAsync(otherType);
        await platform.Broker.PublishAsync(wanted);

        var events = await Eventually.Returns(() => Task.FromResult(received.ToList()),
            r => r.Any(e => e.Event.Subject == $"cases/{wanted.CaseId}"), "the partner's event on its queue");
        var (messageContentType, cloudEvent) = events.Single(e => e.Event.Subject == $"cases/{wanted.CaseId}");
        Assert.StartsWith("application/cloudevents+json", messageContentType);
        Assert.Equal(Escalated, cloudEvent.Type);
        Assert.Equal("/haven/institutions/mercy", cloudEvent.Source!.ToString());
        Assert.Equal(wanted.CaseId, ((JsonElement)cloudEvent.Data!).GetProperty("caseId").GetGuid());
        // The other two were published first; give them time to arrive, were they routed here.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(received, e => e.Event.Subject == $"cases/{otherInstitution.CaseId}" || e.Event.Subject == $"cases/{otherType.CaseId}");

        // Everything but reading its own queue is the broker's to refuse.
        await AssertAccessRefused(connection, c => c.QueueBindAsync(mine.Queue, "haven.partners", $"lakeside.{Escalated}"));
        await AssertAccessRefused(connection, c => c.QueueBindAsync(mine.Queue, "haven.partners", "#"));
        await AssertAccessRefused(connection, c => c.BasicConsumeAsync(theirs.Queue, autoAck: true, new AsyncEventingBasicConsumer(c)));
        await AssertAccessRefused(connection, c => c.QueueDeclareAsync($"partner.{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true));
        await AssertAccessRefused(connection, c => c.BasicPublishAsync("haven.partners", $"mercy.{Escalated}", Encoding.UTF8.GetBytes("{}")).AsTask());

        // Revoked: the user is gone, its connection closed, and it can no longer log in.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/notifications/amqp-subscriptions/{mine.Id}")).StatusCode);
        await Eventually.Returns(() => Task.FromResult(connection.IsOpen), open => !open, "the revoked partner's connection closed");
        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => partner.CreateConnectionAsync());
        Assert.IsType<AuthenticationFailureException>(refused.InnerException);
        var revoked = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/amqp-subscriptions/{mine.Id}");
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await otherAdmin.DeleteAsync($"/api/notifications/amqp-subscriptions/{theirs.Id}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_event_types_are_refused_with_field_errors_and_nothing_is_provisioned()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "northfield", "admin-amqp", "institution-admin");
        using var caseManager = platform.App.CreateHttpClient("gateway", "northfield", "cm-amqp", "case-manager");

        using var response = await admin.PostAsJsonAsync("/api/notifications/amqp-subscriptions", new { eventTypes = new[] { "haven.cases.everything" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("eventTypes", out _));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/notifications/amqp-subscriptions")).GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await caseManager.PostAsJsonAsync("/api/notifications/amqp-subscriptions", new { eventTypes = new[] { Escalated } })).StatusCode);
    }

    private sealed record Subscription(Guid Id, string Queue, string Uri, string UserName);

    private static async Task<Subscription> SubscribeAsync(HttpClient admin, string eventType)
    {
        using var response = await admin.PostAsJsonAsync("/api/notifications/amqp-subscriptions", new { eventTypes = new[] { eventType } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var created = JsonDocument.Parse(body).RootElement;
        var subscription = created.GetProperty("subscription");
        return new(subscription.GetProperty("id").GetGuid(), subscription.GetProperty("queue").GetString()!,
            created.GetProperty("uri").GetString()!, created.GetProperty("userName").GetString()!);
    }

    /// <summary>The operation fails and the broker closes the channel with ACCESS_REFUSED (403).</summary>
    private static async Task AssertAccessRefused(IConnection connection, Func<IChannel, Task> operation)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await Assert.ThrowsAnyAsync<Exception>(() => operation(channel).WaitAsync(TimeSpan.FromSeconds(10)));
        var closed = await Eventually.Returns(() => Task.FromResult(channel.CloseReason), reason => reason is not null, "the channel closed",
            TimeSpan.FromSeconds(10));
        Assert.Equal(Constants.AccessRefused, closed!.ReplyCode);
    }
}
