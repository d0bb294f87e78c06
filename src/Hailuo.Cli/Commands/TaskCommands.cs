using System.CommandLine;
using System.Globalization;
using Hailuo.Cli.Generation;
using Hailuo.Contracts;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo status TASK_ID` and `hailuo download TASK_ID --out FILE`, for tasks submitted earlier or elsewhere.</summary>
internal static class TaskCommands
{
    public static Command Status(CliConsole console)
    {
        var (taskId, provider, baseUrl) = Common();
        var command = new Command("status", "Show a task's status, and its video URL's expiry once completed.") { taskId, provider, baseUrl };
        command.SetAction((result, cancellationToken) => WithClient(console, result, provider, baseUrl, async client =>
        {
            var task = await client.GetTaskAsync(result.GetValue(taskId)!, cancellationToken).ConfigureAwait(false);
            console.Output.WriteLine($"task {task.Id}: {task.Status.ToString().ToLowerInvariant()}{(task.StatusWord is { } word ? $" ({word})" : string.Empty)}");
            if (task.VideoUrlExpiresAt is { } expires)
            {
                console.Output.WriteLine($"video URL expires {expires.ToString("u", CultureInfo.InvariantCulture)}");
            }

            if (task.ErrorMessage is { } error)
            {
                console.Output.WriteLine($"error: {error}{(task.ErrorCode is { } code ? $" ({code})" : string.Empty)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Download(CliConsole console)
    {
        var (taskId, provider, baseUrl) = Common();
        var output = new Option<FileInfo>("--out") { Description = "Where to write the MP4.", Required = true };
        var command = new Command("download", "Download a task's MP4 (waiting for it while it renders), fetching a fresh URL if the old one expired.") { taskId, provider, baseUrl, output };
        command.SetAction((result, cancellationToken) => WithClient(console, result, provider, baseUrl, async client =>
        {
            var task = await client.GetTaskAsync(result.GetValue(taskId)!, cancellationToken).ConfigureAwait(false);
            if (!task.IsTerminal)
            {
                // The recovery a failed `generate` prints may come while the task still renders.
                console.Output.WriteLine($"task {task.Id} is {task.Status.ToString().ToLowerInvariant()}; waiting for it");
                task = await client.WaitForCompletionAsync(task.Id, new ProgressPrinter(console), cancellationToken).ConfigureAwait(false);
            }

            var path = result.GetValue(output)!.FullName;
            var download = await client.DownloadAsync(task, path, cancellationToken).ConfigureAwait(false);
            console.Output.WriteLine($"saved {path} ({download.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (Argument<string> TaskId, Option<string> Provider, Option<string?> BaseUrl) Common() => (
        new Argument<string>("task-id") { Description = "The task id the submit returned." },
        CommonOptions.Provider(),
        CommonOptions.BaseUrl());

    private static async Task<int> WithClient(CliConsole console, ParseResult result, Option<string> provider, Option<string?> baseUrl, Func<HailuoClient, Task<int>> action)
    {
        var chosen = ProviderChoice.Find(result.GetValue(provider));
        if (chosen is null)
        {
            return console.Fail(ExitCodes.InvalidInput, ProviderChoice.Unknown(result.GetValue(provider)));
        }

        var (baseAddress, problem) = CommonOptions.ParseBaseUrl(result.GetValue(baseUrl));
        if (problem is not null)
        {
            return console.Fail(ExitCodes.InvalidInput, problem);
        }

        var key = Environment.GetEnvironmentVariable(chosen.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            return console.Fail(ExitCodes.Authentication, $"no API key: set {chosen.ApiKeyEnvironmentVariable} (any value works against a simulator at --base-url).");
        }

        try
        {
            using var client = new HailuoClient(ClientFactory.Options(chosen, key, baseAddress));
            return await action(client).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HailuoException or OperationCanceledException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            return ErrorReporter.Report(console, e, result.GetValue(CliOptions.Verbose));
        }
    }
}
