using System.Diagnostics;
using Aspire.Hosting.Testing;
using Haven.Testing;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// A partner builds a client from the OpenAPI documents alone: Kiota generates it from the gateway's documents
/// (<c>samples/PartnerClient</c>), it compiles with warnings as errors, and it submits a report, reads its case and the event catalogue.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_partner_generates_a_client_from_the_OpenAPI_documents(PlatformFixture platform)
{
    private static readonly string Sample = Path.Combine(FindRepositoryRoot(AppContext.BaseDirectory), "samples", "PartnerClient");

    [Fact]
    public async Task The_generated_client_submits_a_report_and_reads_its_case_and_the_event_catalogue()
    {
        var gateway = platform.Gateway.BaseAddress!.ToString().TrimEnd('/');
        var token = platform.App.CreateToken("mercy", "partner-client", "case-manager");

        await RunAsync("dotnet", "build", "-t:GenerateClients", $"-p:Gateway={gateway}", "-nologo", "-v:q");
        var output = await RunAsync("dotnet", "run", "--", gateway, token);

        var caseId = output.Split('\n').Single(l => l.StartsWith("report ", StringComparison.Ordinal)).Split(' ')[^1].Trim();
        Assert.Contains($"case {caseId}: AwaitingAcknowledgement", output);
        Assert.Contains("refused: 400 with errors for institutionId, categories", output);
        Assert.Contains("haven.cases.case-escalated.v1", output);
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = Sample, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }

    private static string FindRepositoryRoot(string folder) =>
        File.Exists(Path.Combine(folder, "Platform.sln")) ? folder : FindRepositoryRoot(Path.GetDirectoryName(folder)!);
}
