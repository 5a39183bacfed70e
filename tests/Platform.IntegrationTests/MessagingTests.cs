using Npgsql;

namespace Haven.Platform.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class When_services_start(PlatformFixture platform)
{
    [Fact]
    public async Task Audit_consumes_the_announcement_each_other_service_published_over_the_broker()
    {
        var expected = new[] { "escalation-0", "intake-0", "intake-1", "notification-0", "peersupport-0" };

        var recorded = await Eventually.Returns(RecordedInstancesAsync,
            instances => expected.All(instances.Contains), "every service instance's start in the audit database");

        Assert.Superset(expected.ToHashSet(), recorded.ToHashSet());
    }

    private async Task<List<string>> RecordedInstancesAsync()
    {
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("auditdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "InstanceId" FROM platform_events WHERE "Type" = 'ServiceInstanceStarted'""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var instances = new List<string>();
        while (await reader.ReadAsync())
        {
            instances.Add(reader.GetString(0));
        }
        return instances;
    }
}
