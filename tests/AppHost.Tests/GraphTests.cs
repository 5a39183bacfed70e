using Microsoft.Extensions.Configuration;

namespace Haven.AppHost.Tests;

public sealed class The_resource_graph
{
    [Fact]
    public async Task Every_service_waits_for_its_database_and_the_broker()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        var projects = builder.Builder.Resources.OfType<ProjectResource>().Where(p => p.Name != "gateway");

        Assert.All(projects, project =>
        {
            var database = Assert.Single(project.ConnectionStringReferences.OfType<PostgresDatabaseResource>());
            Assert.Contains(database, project.WaitsFor);
            Assert.Contains(project.WaitsFor, r => r is RabbitMQServerResource);
        });
    }

    [Fact]
    public async Task The_gateway_references_and_waits_for_every_service()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        var gateway = builder.Builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway");
        var services = builder.Builder.Resources.OfType<ProjectResource>().Where(p => p != gateway).ToList();

        Assert.Equal(services.Select(s => s.Name).Order(), gateway.ServiceReferences.Select(s => s.Name).Order());
        Assert.All(services, s => Assert.Contains(s, gateway.WaitsFor));
    }

    [Fact]
    public void The_gateway_port_defaults_to_8080_and_can_be_changed()
    {
        Assert.Equal(8080, GatewayPort(DistributedApplication.CreateBuilder([])));
        Assert.Equal(9090, GatewayPort(DistributedApplication.CreateBuilder(["--gateway-port", "9090"])));
    }

    [Fact]
    public void Fresh_is_a_flag_and_the_data_folder_is_an_option()
    {
        var builder = DistributedApplication.CreateBuilder(["--fresh", "--data-dir", "/tmp/haven-x"]);

        Assert.True(builder.Options.Fresh);
        Assert.Equal("/tmp/haven-x", builder.Options.DataDirectory);
    }

    [Fact]
    public void An_unknown_publisher_is_refused()
    {
        var error = Assert.Throws<DistributedApplicationException>(() =>
            DistributedApplication.CreateBuilder(["--publisher", "docker-compose", "--output-path", "x"]));

        Assert.Contains("manifest", error.Message);
    }

    private static int GatewayPort(DistributedApplicationBuilder builder) =>
        builder.Configuration.GetValue("GatewayPort", 8080);
}
