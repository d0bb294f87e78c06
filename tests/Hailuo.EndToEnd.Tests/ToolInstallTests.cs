using System.IO.Compression;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.EndToEnd.Tests;

/// <summary>The CLI as users install it: `dotnet tool install` from the packages folder, then `hailuo generate --sim`.</summary>
[Collection(ProcessTests.Name)]
public sealed class ToolInstallTests : IDisposable
{
    private readonly PackedPackages _packages;
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-tool").FullName;

    public ToolInstallTests(PackedPackages packages)
    {
        _packages = packages;
    }

    [Fact]
    public void The_cli_package_is_a_dotnet_tool_named_hailuo_with_the_readme()
    {
        using var package = ZipFile.OpenRead(_packages.Path("Hailuo.Cli"));

        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/hailuo.dll");
        Assert.Contains("<packageType name=\"DotnetTool\" />", PackedPackages.Text(package, ".nuspec"), StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", PackedPackages.Text(package, ".nuspec"), StringComparison.Ordinal);
        Assert.Contains("<Command Name=\"hailuo\" EntryPoint=\"hailuo.dll\"", PackedPackages.Text(package, "DotnetToolSettings.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_installed_tool_generates_a_real_mp4_on_its_embedded_simulator()
    {
        var tools = Path.Combine(_directory, "tools");
        var (installExit, install) = await ProcessRunner.RunAsync("dotnet", new[] { "tool", "install", "Hailuo.Cli", "--tool-path", tools, "--add-source", PackedPackages.Feed, "--version", _packages.Version }, _directory, TimeSpan.FromMinutes(3));
        Assert.True(installExit == 0, install);

        var clip = Path.Combine(_directory, "cat.mp4");
        var (exit, output) = await ProcessRunner.RunAsync(
            Path.Combine(tools, "hailuo"),
            new[] { "generate", "--sim", "--prompt", "A cute cat running on the grass", "--camera", "pan-left", "--resolution", "768p", "--duration", "10", "--out", clip },
            _directory,
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string?> { ["APIMART_API_KEY"] = null });

        Assert.True(exit == 0, output);
        Assert.Contains($"saved {clip}", output, StringComparison.Ordinal);
        var (codec, width, height, duration) = await Ffprobe.ProbeAsync(clip);
        Assert.Equal(("h264", 1366, 768), (codec, width, height));
        Assert.Equal(10, duration, precision: 1);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
