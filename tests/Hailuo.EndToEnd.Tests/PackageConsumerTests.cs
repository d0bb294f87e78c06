using System.IO.Compression;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.EndToEnd.Tests;

/// <summary>
/// The path our users live: pack Hailuo.Contracts and Hailuo.MockServer into a folder feed, then build and run
/// tests/Hailuo.Consumer from those packages, with its own spec file.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class PackageConsumerTests
{
    private readonly PackedPackages _packages;

    public PackageConsumerTests(PackedPackages packages)
    {
        _packages = packages;
    }

    private static string Consumer => Path.Combine(RepositoryRoot.Path, "tests", "Hailuo.Consumer");

    [Fact]
    public void The_contracts_package_carries_runtime_generator_spec_and_docs()
    {
        using var package = ZipFile.OpenRead(_packages.Path("Hailuo.Contracts"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("analyzers/dotnet/cs/Hailuo.Contracts.Generators.dll", entries);
        Assert.Contains("lib/net8.0/Hailuo.Contracts.dll", entries);
        Assert.Contains("lib/net10.0/Hailuo.Contracts.dll", entries);
        Assert.Contains("lib/net10.0/Hailuo.Contracts.xml", entries);
        Assert.Contains("spec/hailuo.spec.json", entries);
        Assert.Contains("buildTransitive/Hailuo.Contracts.props", entries);
        Assert.Contains("README.md", entries);
        var nuspec = PackedPackages.Text(package, ".nuspec");
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("Hailuo.Contracts.Generators\"", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mockserver_package_depends_on_the_contracts_package_and_ships_no_settings()
    {
        using var package = ZipFile.OpenRead(_packages.Path("Hailuo.MockServer"));

        Assert.Contains(package.Entries, e => e.FullName == "lib/net10.0/Hailuo.MockServer.dll");
        Assert.DoesNotContain(package.Entries, e => e.FullName.EndsWith("appsettings.json", StringComparison.Ordinal));
        Assert.Contains($"<dependency id=\"Hailuo.Contracts\" version=\"{_packages.Version}\"", PackedPackages.Text(package, ".nuspec"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_builds_from_the_packages_with_its_own_spec_and_runs_a_job_on_the_packaged_simulator()
    {
        var (buildExit, build) = await Dotnet("build", Consumer, $"-p:HailuoVersion={_packages.Version}", "-v:q", "-nologo");
        Assert.True(buildExit == 0, build);
        Assert.Contains(" 0 Warning(s)", build, StringComparison.Ordinal);

        var (runExit, run) = await Dotnet("run", "--project", Consumer, "--no-build", $"-p:HailuoVersion={_packages.Version}");

        Assert.True(runExit == 0, run);
        Assert.Contains("own model: Contoso-Hailuo-Pro text-to-video 768p 8 s on ContosoGateway costs $0.24; valid: True; base URL https://video-gateway.contoso.example/", run, StringComparison.Ordinal);
        Assert.Matches(@"shipped model: MiniMax-Hailuo-02 text-to-video 768p 10 s on APIMart -> task \S+ Completed, [1-9]\d* bytes, estimated \$0\.40", run);
        Assert.Matches(@"own gateway: Contoso-Hailuo-Pro text-to-video 768p 8 s on ContosoGateway -> task \S+ Completed, [1-9]\d* bytes, model Contoso-Hailuo-Pro", run);
        Assert.Matches(@"refit interface: GET task \S+ -> HTTP 200 completed; hand-written interface resolved: True", run);
    }

    [Fact]
    public async Task A_forbidden_pair_and_a_forbidden_constant_request_fail_the_consumer_build_where_they_are_written()
    {
        var (exit, output) = await Dotnet("build", Consumer, $"-p:HailuoVersion={_packages.Version}", "-p:IncludeForbidden=true", "-v:q", "-nologo", "--no-incremental");

        Assert.NotEqual(0, exit);
        Assert.Contains("Forbidden.cs(9,113): error CS1061: 'HailuoProAt1080p' does not contain a definition for 'Seconds8'", output, StringComparison.Ordinal);
        Assert.Contains("Forbidden.cs(12,125): error HLU1002: 'duration' is 10 at 1080p, which MiniMax-Hailuo-02 text-to-video does not allow; allowed: APIMart: 5 s at 1080p; MiniMax: 6 s at 1080p", output, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output)> Dotnet(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, RepositoryRoot.Path, TimeSpan.FromMinutes(5));
}
