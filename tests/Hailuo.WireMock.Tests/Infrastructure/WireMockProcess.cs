using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Hailuo.Testing;

namespace Hailuo.WireMock.Tests.Infrastructure;

/// <summary>
/// Real WireMock: the standalone jar that the npm package <c>wiremock</c> bundles (tools/wiremock, installed by `bash build.sh test`),
/// on Java, bound to 127.0.0.1 on a port the OS picks, stopped (the whole process tree) on dispose.
/// </summary>
internal sealed partial class WireMockProcess : IAsyncDisposable
{
    public const string JarVersion = "3.13.2";

    private readonly Process _process;

    private WireMockProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public static string Jar => Path.Combine(RepositoryRoot.Path, "tools", "wiremock", "node_modules", "wiremock", "build", $"wiremock-standalone-{JarVersion}.jar");

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts WireMock on <paramref name="rootDirectory"/> and returns once it has said which port it listens on.</summary>
    public static async Task<WireMockProcess> StartAsync(string rootDirectory)
    {
        var java = FindJava() ?? throw new InvalidOperationException(
            "java was not found on PATH: WireMock needs Java 17. Run `bash build.sh test`, or `apt-get install openjdk-17-jre-headless`.");
        if (!File.Exists(Jar))
        {
            throw new InvalidOperationException($"The WireMock jar is missing ({Jar}). Run `bash build.sh test`, or `npm ci --prefix tools/wiremock`.");
        }

        var start = new ProcessStartInfo(java) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", Jar, "--bind-address", "127.0.0.1", "--port", "0", "--root-dir", rootDirectory, "--disable-banner" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        void Read(string? line)
        {
            if (line is null)
            {
                port.TrySetException(new InvalidOperationException("WireMock exited before it listened:\n" + output));
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            // WireMock prints its options, "port: N" among them, once the server is listening.
            if (PortLine().Match(line) is { Success: true } match)
            {
                port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Read(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A hang guard for a broken Java install, not a timing: start-up takes about 3 s here.
            return new WireMockProcess(process, await port.Task.WaitAsync(TimeSpan.FromSeconds(90)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string? FindJava()
    {
        var home = Environment.GetEnvironmentVariable("JAVA_HOME");
        var candidates = (home is null ? Array.Empty<string>() : new[] { Path.Combine(home, "bin", "java") })
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, "java")));
        return candidates.FirstOrDefault(File.Exists);
    }

    [GeneratedRegex(@"^port:\s+(\d+)\s*$")]
    private static partial Regex PortLine();
}
