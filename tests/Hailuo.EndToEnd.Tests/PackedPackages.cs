using System.Globalization;
using System.IO.Compression;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.EndToEnd.Tests;

/// <summary>
/// Packs Hailuo.Contracts, Hailuo.MockServer and the Hailuo.Cli tool once per run into artifacts/packages, from the
/// build that ran before the tests (--no-build, so packing never races it), with a version of their own so no
/// cached package is reused.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public static string Feed => System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "packages");

    public string Path(string id) => System.IO.Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        if (Directory.Exists(Feed))
        {
            Directory.Delete(Feed, recursive: true);
        }

#if DEBUG
        const string Configuration = "Debug";
#else
        const string Configuration = "Release";
#endif
        foreach (var project in new[] { "src/Hailuo.Contracts", "mockserver/Hailuo.MockServer", "src/Hailuo.Cli" })
        {
            var (exit, output) = await ProcessRunner.RunAsync("dotnet", new[] { "pack", project, "-c", Configuration, "--no-build", "-o", Feed, $"-p:Version={Version}", "-nologo" }, RepositoryRoot.Path, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, output);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The text of the package entry whose name ends so, such as ".nuspec".</summary>
    public static string Text(ZipArchive package, string nameEnd)
    {
        using var reader = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(nameEnd, StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }
}
