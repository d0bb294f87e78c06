using System.Globalization;
using Hailuo.Cli.Media;
using Hailuo.Contracts;

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

        var (request, problems) = RequestBuilder.Build(arguments, provider);
        if (request is null)
        {
            foreach (var problem in problems.Skip(1))
            {
                _console.Error.WriteLine("error: " + problem);
            }

            return _console.Fail(ExitCodes.InvalidInput, problems[0]);
        }

        var key = Environment.GetEnvironmentVariable(provider.ApiKeyEnvironmentVariable);
        if (!arguments.Sim && string.IsNullOrWhiteSpace(key))
        {
            return _console.Fail(ExitCodes.Authentication, $"no API key: set {provider.ApiKeyEnvironmentVariable}, or add --sim to run against the embedded simulator.");
        }

        var cost = CostEstimate.For(provider, request);
        _console.Output.WriteLine($"{request.Model} {request.EffectiveMode().ToWireName()} {request.Resolution ?? provider.Defaults.Resolution} {(request.Duration ?? provider.Defaults.Duration).ToString(CultureInfo.InvariantCulture)} s on {provider.Name}{(arguments.Sim ? " (simulator)" : string.Empty)}: estimated {cost}");
        try
        {
            await using var session = arguments.Sim ? await SimulatorSession.StartAsync(_console.SimulatorOptions(), cancellationToken).ConfigureAwait(false) : null;
            if (session is not null)
            {
                _console.SimulatorStarted?.Invoke(session.Simulator);
            }

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

    private void Describe(string path, long bytes)
    {
        var info = Mp4Info.Read(path);
        var shape = info is null ? "not a readable MP4" : $"{info.Width.ToString(CultureInfo.InvariantCulture)}x{info.Height.ToString(CultureInfo.InvariantCulture)}, {info.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
        _console.Output.WriteLine($"saved {path} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {shape})");
    }
}
