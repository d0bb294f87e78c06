using Microsoft.Extensions.Configuration;

namespace Hailuo.MockServer.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Options_bind_from_the_simulator_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:AcceptedKeys:0"] = "key-a",
            ["Simulator:AcceptedKeys:1"] = "key-b",
            ["Simulator:QueuedAfter"] = "00:00:05",
            ["Simulator:ProcessingAfter"] = "00:00:10",
            ["Simulator:CompletedAfter"] = "00:01:30",
            ["Simulator:UrlLifetime"] = "09:00:00",
            ["Simulator:RequestsPerMinute"] = "60",
            ["Simulator:StartingBalance"] = "12.5",
            ["Simulator:CallbackTimeout"] = "00:00:02",
            ["Simulator:FileRetention"] = "2.00:00:00",
            ["Simulator:ApiMartStatusWords"] = "StatusPage",
        }).Build();

        var options = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>()!;

        Assert.Equal(new[] { "key-a", "key-b" }, options.AcceptedKeys);
        Assert.Equal((5, 10, 90), ((int)options.QueuedAfter.TotalSeconds, (int)options.ProcessingAfter.TotalSeconds, (int)options.CompletedAfter.TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(9), options.UrlLifetime);
        Assert.Equal(60, options.RequestsPerMinute);
        Assert.Equal(12.5m, options.StartingBalance);
        Assert.Equal(TimeSpan.FromSeconds(2), options.CallbackTimeout);
        Assert.Equal(TimeSpan.FromDays(2), options.FileRetention);
        Assert.Equal(ApiMartStatusWords.StatusPage, options.ApiMartStatusWords);
    }

    [Fact]
    public void Defaults_finish_a_task_within_a_few_seconds_with_24_hour_urls_7_day_files_and_no_limits()
    {
        var options = new SimulatorOptions();

        Assert.InRange(options.CompletedAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromHours(24), options.UrlLifetime);
        Assert.Equal(TimeSpan.FromSeconds(3), options.CallbackTimeout);
        Assert.Null(options.RequestsPerMinute);
        Assert.Null(options.StartingBalance);
        Assert.Empty(options.AcceptedKeys);
        Assert.Equal(TimeSpan.FromDays(7), options.FileRetention);
        Assert.Equal(ApiMartStatusWords.DesignCard, options.ApiMartStatusWords);
    }

    [Fact]
    public void A_file_kept_for_less_than_one_url_lifetime_is_refused_at_start()
    {
        var options = new SimulatorOptions { UrlLifetime = TimeSpan.FromHours(24), FileRetention = TimeSpan.FromHours(12) };

        var error = Assert.Throws<InvalidOperationException>(() => HailuoSimulator.StartInMemory(options));

        Assert.Contains("FileRetention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lifecycle_out_of_order_is_refused_at_start()
    {
        var options = new SimulatorOptions { ProcessingAfter = TimeSpan.FromSeconds(10), CompletedAfter = TimeSpan.FromSeconds(5) };

        var error = Assert.Throws<InvalidOperationException>(() => HailuoSimulator.StartInMemory(options));

        Assert.Contains("CompletedAfter", error.Message, StringComparison.Ordinal);
    }
}
