using Npgsql;

namespace Haven.Platform.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class When_services_start(PlatformFixture platform)
{
    [Fact]
    public async Task Audit_consumes_the_announcement_each_other_service_published_over_the_broker()
    {
        // Each instance announces its OpenTelemetry service.instance.id: the suffix of its resource name (intake-abcd1234).
        var expected = new List<string>();
        foreach (var service in new[] { "escalation", "intake", "notification", "peersupport" })
        {
            expected.AddRange((await platform.App.InstancesAsync(service)).Select(name => name[(service.Length + 1)..]));
        }

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
