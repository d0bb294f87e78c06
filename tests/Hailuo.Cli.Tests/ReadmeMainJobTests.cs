using System.Diagnostics;
using System.Text.RegularExpressions;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>The README's main job, run exactly as written, makes an MP4 that ffprobe agrees with.</summary>
public sealed partial class ReadmeMainJobTests
{
    [Fact]
    public async Task The_readme_main_job_generates_a_real_mp4_on_the_embedded_simulator()
    {
        var root = RepositoryRoot.Path;
        var readme = await File.ReadAllTextAsync(Path.Combine(root, "README.md"));
        var block = MainJob().Match(readme);
        Assert.True(block.Success, "README.md has no <!-- main-job --> block");
        var command = block.Groups[1].Value.Split('\n').Single(l => l.StartsWith("dotnet run", StringComparison.Ordinal)).Trim();
        var output = Path.Combine(root, OutPath().Match(command).Groups[1].Value);
        File.Delete(output);

        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment.Remove("APIMART_API_KEY");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stdout + await stderr);
        Assert.Contains("saved ", await stdout, StringComparison.Ordinal);
        var (width, height, duration) = await Ffprobe.ProbeAsync(output);
        Assert.Equal((1366, 768), (width, height));
        Assert.Equal(10, duration, precision: 1);
    }

    [GeneratedRegex("<!-- main-job -->(.*?)<!-- /main-job -->", RegexOptions.Singleline)]
    private static partial Regex MainJob();

    [GeneratedRegex(@"--out (\S+)")]
    private static partial Regex OutPath();
}
