using System.Globalization;
using Hailuo.Cli.Films;
using Hailuo.Cli.Media;
using Hailuo.Cli.Output;
using Hailuo.Contracts;
using Hailuo.Jobs;

namespace Hailuo.Cli.Generation;

/// <summary>One `hailuo generate` run, from arguments to a described MP4 on disk.</summary>
internal sealed class GenerateRun
{
    private readonly CliConsole _console;

    public GenerateRun(CliConsole console)
    {
        _console = console;
    }

    public async Task<int> RunAsync(GenerateArguments arguments, CancellationToken cancellationToken)
    {
        var provider = ProviderChoice.Find(arguments.Provider);
        if (provider is null)
        {
            return _console.Fail(ExitCodes.InvalidInput, ProviderChoice.Unknown(arguments.Provider));
        }

        var (baseAddress, wrongAddress) = ClientFactory.BaseAddress(arguments.BaseUrl, arguments.Sim);
        if (wrongAddress is not null)
        {
            return _console.Fail(ExitCodes.InvalidInput, wrongAddress);
        }

        if (arguments.Stitch)
        {
            return await RunStitchedAsync(arguments, provider, cancellationToken).ConfigureAwait(false);
        }

        if (arguments.Ledger is not null || arguments.Budget is not null)
        {
            return _console.Fail(ExitCodes.InvalidInput, $"{(arguments.Ledger is not null ? "--ledger" : "--budget")} goes with --stitch: a single clip is not kept in a ledger.");
        }

        var (request, problems) = RequestBuilder.Build(arguments, provider);
        if (request is null)
        {
            // A duration one clip cannot have may still be a film of chained clips.
            return Refuse(problems, p => p.Code == ValidationCodes.ResolutionDuration && arguments.Duration is { } seconds
                ? StitchPlan.Hint(provider, arguments.Model, arguments.Resolution, seconds, arguments.FirstFrame is not null, arguments.LastFrame is not null)
                : null);
        }

        var key = Environment.GetEnvironmentVariable(provider.ApiKeyEnvironmentVariable);
        if (!arguments.Sim && string.IsNullOrWhiteSpace(key))
        {
            return _console.Fail(ExitCodes.Authentication, ClientFactory.NoKey(provider));
        }

        var seconds = provider.DurationFor(request);
        if (OutputCheck.Problem("--out", arguments.Out, VideoSize.Estimate(provider.ResolutionFor(request), seconds), _console.Disk) is { } unwritable)
        {
            return _console.Fail(ExitCodes.OutputNotWritable, unwritable + " Nothing was submitted.");
        }

        var cost = CostEstimate.For(provider, request);
        _console.Output.WriteLine($"{request.Model} {request.EffectiveMode().ToWireName()} {provider.ResolutionFor(request)} {seconds.ToString(CultureInfo.InvariantCulture)} s on {provider.Name}{(arguments.Sim ? " (simulator)" : baseAddress is null ? string.Empty : " at " + baseAddress)}: estimated {cost}");
        try
        {
            await using var session = arguments.Sim ? await SimulatorSession.OpenAsync(_console, cancellationToken).ConfigureAwait(false) : null;
            using var client = session?.CreateClient(provider) ?? new HailuoClient(ClientFactory.Options(provider, key!, baseAddress));
            cancellationToken.ThrowIfCancellationRequested();

            // Ctrl-C does not cut a submit on the wire: its answer holds the task id the recovery needs (the process ends anyway after 30 s).
            var task = await client.SubmitAsync(request, CancellationToken.None).ConfigureAwait(false);
            _console.Output.WriteLine($"task {task.Id} submitted");
            _console.TaskSubmitted?.Invoke(task);
            var recovery = TaskRecovery.For(task, provider, arguments.Out, session is { StartedEmpty: false } ? session.Simulator.BaseAddress : baseAddress, session is { StartedEmpty: true });
            try
            {
                var done = LiveProgress.Fits(_console.Output)
                    ? await LiveProgress.RunAsync(_console.Output, cost, progress => client.WaitForCompletionAsync(task, progress, cancellationToken)).ConfigureAwait(false)
                    : await client.WaitForCompletionAsync(task, new ProgressPrinter(_console), cancellationToken).ConfigureAwait(false);
                var path = arguments.Out.FullName;
                var download = await client.DownloadAsync(done, path, cancellationToken).ConfigureAwait(false);
                Describe(path, download.Bytes);
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is HailuoException or OperationCanceledException or IOException or UnauthorizedAccessException or HttpRequestException)
            {
                return recovery.Report(_console, e, arguments.Verbose);
            }
        }
        catch (Exception e) when (e is HailuoException or OperationCanceledException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            return ErrorReporter.Report(_console, e, arguments.Verbose);
        }
    }

    private async Task<int> RunStitchedAsync(GenerateArguments arguments, ProviderInfo provider, CancellationToken cancellationToken)
    {
        var unsupported = new[] { ("--subject", arguments.Subject is not null), ("--callback-url", arguments.CallbackUrl is not null), ("--no-optimizer", arguments.NoOptimizer) }.FirstOrDefault(o => o.Item2).Item1;
        if (unsupported is not null)
        {
            return _console.Fail(ExitCodes.InvalidInput, $"{unsupported} cannot be used with --stitch: stitched shots are planned as a storyboard, which carries the prompt, camera moves and first and last frames only.");
        }

        var seconds = arguments.Duration ?? provider.Defaults.Duration;
        var (clip, problem) = StitchPlan.ClipSeconds(provider, arguments.Model, arguments.Resolution, seconds, arguments.FirstFrame is not null, arguments.LastFrame is not null);
        if (problem is not null)
        {
            return _console.Fail(ExitCodes.InvalidInput, problem);
        }

        var (request, problems) = RequestBuilder.Build(arguments with { Duration = clip ?? seconds }, provider);
        if (request is null)
        {
            return Refuse(problems, _ => null);
        }

        // The first frame opens the film and the last frame closes it; the shots between chain by their last frames.
        var storyboard = Storyboard.Repeat(request.Prompt!, seconds, request.Model!, provider.ResolutionFor(request), request.Duration!.Value);
        storyboard.Shots[0].FirstFrameImage = request.FirstFrameImage;
        storyboard.Shots[^1].LastFrameImage = request.LastFrameImage;
        var film = new FilmArguments(arguments.Out, arguments.Ledger, arguments.Budget, arguments.Sim, arguments.Verbose) { BaseUrl = arguments.BaseUrl };
        return await new FilmRun(_console).RunAsync(storyboard, provider, film, cancellationToken).ConfigureAwait(false);
    }

    private int Refuse(IReadOnlyList<RequestProblem> problems, Func<RequestProblem, string?> hint)
    {
        var lines = problems.Select(p => hint(p) is { } more ? p.Text.TrimEnd('.') + "; " + more : p.Text).ToList();
        foreach (var line in lines.Skip(1))
        {
            _console.Error.WriteLine("error: " + line);
        }

        // A missing file ends as `validate`'s missing file does, whatever else is wrong.
        return _console.Fail(problems.Any(p => p.ExitCode == ExitCodes.NotFound) ? ExitCodes.NotFound : ExitCodes.InvalidInput, lines[0]);
    }

    private void Describe(string path, long bytes)
    {
        var info = Mp4Info.Read(path);
        var shape = info is null ? "not a readable MP4" : $"{info.Width.ToString(CultureInfo.InvariantCulture)}x{info.Height.ToString(CultureInfo.InvariantCulture)}, {info.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
        _console.Output.WriteLine($"saved {path} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {shape})");
    }
}
