using System.Diagnostics;

namespace Hailuo.Testing;

/// <summary>Runs a command to its end with a deadline and returns its exit code and output.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with arguments in a directory; environment variables set to null are removed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory, TimeSpan deadline, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (exit, output, error) = await RunSeparatelyAsync(file, arguments, directory, deadline, environment);
        return (exit, output + error);
    }

    /// <summary>Runs a command and returns its standard output; a non-zero exit throws with its standard error.</summary>
    public static async Task<string> ReadAsync(string file, params string[] arguments)
    {
        var (exit, output, error) = await RunSeparatelyAsync(file, arguments, Environment.CurrentDirectory, TimeSpan.FromMinutes(1), null);
        return exit == 0 ? output : throw new InvalidOperationException($"{file} exited with {exit}: {error}");
    }

    private static async Task<(int Exit, string Output, string Error)> RunSeparatelyAsync(string file, IEnumerable<string> arguments, string directory, TimeSpan deadline, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {deadline}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
