using System.Text.RegularExpressions;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.EndToEnd.Tests;

/// <summary>The README's main job, run exactly as written, makes an MP4 that ffprobe agrees with.</summary>
[Collection(ProcessTests.Name)]
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

        var (exit, text) = await ProcessRunner.RunAsync("bash", new[] { "-c", command }, root, TimeSpan.FromMinutes(5), new Dictionary<string, string?> { ["APIMART_API_KEY"] = null });

        Assert.True(exit == 0, text);
        Assert.Contains("saved ", text, StringComparison.Ordinal);
        var (codec, width, height, duration) = await Ffprobe.ProbeAsync(output);
        Assert.Equal(("h264", 1366, 768), (codec, width, height));
        Assert.Equal(10, duration, precision: 1);
    }

    [GeneratedRegex("<!-- main-job -->(.*?)<!-- /main-job -->", RegexOptions.Singleline)]
    private static partial Regex MainJob();

    [GeneratedRegex(@"--out (\S+)")]
    private static partial Regex OutPath();
}
