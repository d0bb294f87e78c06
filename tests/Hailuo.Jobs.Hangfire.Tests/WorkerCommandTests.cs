using Hailuo.Jobs.Hangfire.Tests.Support;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>`hailuo worker` refuses a ledger it cannot use with one line and a non-zero exit, and never shows the password.</summary>
[Collection(SharedCluster.Name)]
public sealed class WorkerCommandTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_wrong_connection_string_is_one_line_and_a_non_zero_exit()
    {
        var (exit, output) = await WorkerProcess.RunToEndAsync(["--store", "Host=127.0.0.1;Pasword=hunter2-secret;Bogus Key=1", "--workers", "0"], Deployment.Environment);

        Assert.Equal(15, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --store:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgresql_that_is_not_running_is_one_line_naming_the_server_and_a_non_zero_exit()
    {
        var port = PostgresCluster.FreePort();
        var (exit, output) = await WorkerProcess.RunToEndAsync(["--store", $"Host=127.0.0.1;Port={port};Database=hailuo;Username=hailuo;Password=hunter2-secret;Timeout=5", "--workers", "0"], Deployment.Environment);

        Assert.Equal(15, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_without_an_output_folder_is_refused_before_it_connects()
    {
        var (exit, output) = await WorkerProcess.RunToEndAsync(["--store", cluster.ConnectionString("postgres"), "--workers", "2"], Deployment.Environment);

        Assert.Equal(2, exit);
        Assert.Contains("--out is missing", output, StringComparison.Ordinal);
    }
}
