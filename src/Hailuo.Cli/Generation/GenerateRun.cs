using System.Globalization;
using Hailuo.Cli.Films;
using Hailuo.Cli.Media;
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

        var cost = CostEstimate.For(provider, request);
        _console.Output.WriteLine($"{request.Model} {request.EffectiveMode().ToWireName()} {provider.ResolutionFor(request)} {provider.DurationFor(request).ToString(CultureInfo.InvariantCulture)} s on {provider.Name}{(arguments.Sim ? " (simulator)" : string.Empty)}: estimated {cost}");
        try
        {
            await using var session = arguments.Sim ? await SimulatorSession.OpenAsync(_console, cancellationToken).ConfigureAwait(false) : null;
            using var client = session?.CreateClient(provider) ?? new HailuoClient(ClientFactory.Options(provider, key!));
            var task = await client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
            _console.Output.WriteLine($"task {task.Id} submitted");
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
        var storyboard = Storyboard.Repeat(request.Prompt!, seconds, request.Model!, request.Resolution ?? provider.Defaults.Resolution, request.Duration!.Value);
        storyboard.Shots[0].FirstFrameImage = request.FirstFrameImage;
        storyboard.Shots[^1].LastFrameImage = request.LastFrameImage;
        var film = new FilmArguments(arguments.Out, arguments.Ledger, arguments.Budget, arguments.Sim, arguments.Verbose);
        return await new FilmRun(_console).RunAsync(storyboard, provider, film, cancellationToken).ConfigureAwait(false);
    }

    private int Refuse(IReadOnlyList<RequestProblem> problems, Func<RequestProblem, string?> hint)
    {
        var lines = problems.Select(p => hint(p) is { } more ? p.Text.TrimEnd('.') + "; " + more : p.Text).ToList();
        foreach (var line in lines.Skip(1))
        {
            _console.Error.WriteLine("error: " + line);
        }

        return _console.Fail(ExitCodes.InvalidInput, lines[0]);
    }

    private void Describe(string path, long bytes)
    {
        var info = Mp4Info.Read(path);
        var shape = info is null ? "not a readable MP4" : $"{info.Width.ToString(CultureInfo.InvariantCulture)}x{info.Height.ToString(CultureInfo.InvariantCulture)}, {info.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
        _console.Output.WriteLine($"saved {path} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {shape})");
    }
}
