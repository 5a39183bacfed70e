using System.Diagnostics;
using Haven.Hosting.Dashboard.Api;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Haven.Dashboard.Tests;

public sealed class When_a_service_exports_logs(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Each_entry_has_its_level_message_category_attributes_and_trace()
    {
        using var activity = new Activity("pay").Start();
        using (var factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
        {
            options.SetResourceBuilder(OtlpExport.Resource("payments", "payments-0"));
            options.IncludeFormattedMessage = true;
            options.AddOtlpExporter(OtlpExport.To(fixture.Dashboard, "logs"));
        })))
        {
            var logger = factory.CreateLogger("Haven.Payments.Declines");
            logger.LogInformation("Payment {PaymentId} accepted", "p-41");
            logger.LogWarning("Payment {PaymentId} declined for {Amount}", "p-42", 12.5);
        }
        activity.Stop();

        var page = await fixture.GetAsync<LogPage>("/api/logs?resource=payments");

        Assert.Equal(2, page.Matched);
        var declined = page.Entries[0];
        Assert.Equal(("Warning", 13), (declined.Level, declined.SeverityNumber));
        Assert.Equal("Payment p-42 declined for 12.5", declined.Message);
        Assert.Equal(("payments", "payments-0", "Haven.Payments.Declines"), (declined.Service, declined.Instance, declined.Category));
        Assert.Equal("p-42", declined.Attributes["PaymentId"]);
        Assert.Equal("12.5", declined.Attributes["Amount"]);
        Assert.Equal(activity.TraceId.ToHexString(), declined.TraceId);
        Assert.Equal(activity.SpanId.ToHexString(), declined.SpanId);
        Assert.Equal("Payment p-41 accepted", page.Entries[1].Message);
    }

    [Theory]
    [InlineData("resource=refunds&level=Warning", "Payment p-52 refunded twice")]
    [InlineData("resource=refunds&text=P-51", "Payment p-51 refunded")]
    [InlineData("resource=refunds-1", "Payment p-52 refunded twice")]
    public async Task Filters_by_level_text_and_instance(string query, string expected)
    {
        foreach (var (instance, level, message) in new[] { ("refunds-0", LogLevel.Information, "Payment p-51 refunded"), ("refunds-1", LogLevel.Warning, "Payment p-52 refunded twice") })
        {
            using var factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
            {
                options.SetResourceBuilder(OtlpExport.Resource("refunds", instance));
                options.IncludeFormattedMessage = true;
                options.AddOtlpExporter(OtlpExport.To(fixture.Dashboard, "logs"));
            }));
            factory.CreateLogger("Haven.Refunds").Log(level, message);
        }

        var page = await fixture.GetAsync<LogPage>($"/api/logs?{query}");

        Assert.NotEmpty(page.Entries);
        Assert.All(page.Entries, e => Assert.Equal(expected, e.Message));
    }
}
