using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Hailuo.Jobs.Hangfire.Tests.Support;

/// <summary>One `hailuo worker` process (the built CLI), which the tests can kill, pause and resume by signal.</summary>
internal sealed partial class WorkerProcess : IDisposable
{
    private const int SigStop = 19;
    private const int SigCont = 18;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts `hailuo worker` with <paramref name="arguments"/> and waits (bounded) until it says it runs.</summary>
    public static async Task<WorkerProcess> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var worker = new WorkerProcess(Launch(arguments, environment));
        worker._process.OutputDataReceived += worker.Read;
        worker._process.ErrorDataReceived += worker.Read;
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        var exited = worker._process.WaitForExitAsync();
        var first = await Task.WhenAny(worker._running.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != worker._running.Task)
        {
            worker.Dispose();
            throw new InvalidOperationException($"hailuo worker did not start: {worker.Output}");
        }

        return worker;
    }

    /// <summary>Runs `hailuo worker` to its end (bounded) and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunToEndAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Launch(arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown, no goodbye; Hangfire gives its steps to others once they are invisible no more.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGSTOP: the process holds whatever it held, and does nothing, until <see cref="Resume"/>.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>SIGCONT.</summary>
    public void Resume() => Signal(SigCont);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Signal(SigCont);
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private static Process Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hailuo.dll"));
        start.ArgumentList.Add("worker");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["CI"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private void Read(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(e.Data);
        }

        if (e.Data.StartsWith("worker running", StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
    }

    private void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
