using System.Net.Http.Json;
using Haven.AppHost;
using Haven.AppHost.Resources;
using static Haven.Platform.IntegrationTests.NotificationHelpers;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// What <c>./haven run</c> does once the gateway is up (the tests' graph starts without <c>--demo-directory</c>, so that the
/// other tests' directories hold only the people they add): northfield's demo people, seeded twice, are each there once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_local_run_starts_with_the_demo_directory(PlatformFixture platform)
{
    [Fact]
    public async Task Each_demo_person_is_in_their_institutions_directory_once_however_often_it_is_seeded()
    {
        var northfield = DemoInstitutions.All.Single(i => i.Id == "northfield");
        using var gateway = platform.App.CreateHttpClient("gateway");

        await DemoDirectory.SeedAsync(gateway, platform.App.Identity(), [northfield], CancellationToken.None);
        var again = await DemoDirectory.SeedAsync(gateway, platform.App.Identity(), [northfield], CancellationToken.None);

        using var admin = platform.App.CreateHttpClient("gateway", "northfield", "raj", "institution-admin");
        var directory = (await admin.GetFromJsonAsync<List<Person>>("/api/notifications/directory", NotificationHelpers.Json))!;
        Assert.Equal(0, again);
        Assert.All(northfield.People, person =>
        {
            var entry = Assert.Single(directory, p => p.UserId == person.Id);
            Assert.Equal(person.Email, entry.Email);
            Assert.Equal(person.DirectoryRoles.Order(), entry.Roles.Order());
        });
        Assert.Contains(directory, p => p.UserId == "hannah" && p.Roles.Contains("case-manager"));
    }
}
