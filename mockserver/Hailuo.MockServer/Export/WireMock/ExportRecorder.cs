namespace Hailuo.MockServer.WireMock;

/// <summary>
/// Plays every scenario on in-memory simulators and keeps each answer: tasks are submitted together, then the clock is
/// moved to each phase, to the end of the URL lifetime, and faults are scripted, exactly as a test would.
/// </summary>
internal static class ExportRecorder
{
    public static async Task<ExportRecording> RecordAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var scenarios = DialectWire.All.SelectMany(w => ScenarioDefinition.All.Select(d => new ScenarioRecording(w, d))).ToList();
        await RecordRateLimitsAsync(baseUrl, scenarios.Where(s => s.Definition.Fault == ScenarioFault.RateLimitedSubmit), cancellationToken).ConfigureAwait(false);

        await using var sim = SimulatorRecorder.Start(baseUrl, new SimulatorOptions());
        foreach (var s in scenarios)
        {
            s.Submit = await sim.PostAsync(s.Wire.SubmitPath, s.Wire.SubmitBody(s.Prompt), cancellationToken: cancellationToken).ConfigureAwait(false);
            s.TaskId = s.Wire.TaskIdOf(s.Submit);
        }

        var dialects = new List<DialectRecording>();
        foreach (var wire in DialectWire.All)
        {
            dialects.Add(await RecordDialectAsync(sim, wire, scenarios.First(s => s.Wire == wire), cancellationToken).ConfigureAwait(false));
        }

        foreach (var s in scenarios.Where(s => s.Definition.Fault == ScenarioFault.ServerErrorPoll))
        {
            sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status500, 1));
            s.ServerError = await sim.GetAsync(s.Wire.StatusPathAndQuery(s.TaskId), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var at in PollMoments(sim.Options))
        {
            sim.AdvanceTo(at);
            foreach (var s in scenarios)
            {
                s.Polls.Add(await sim.GetAsync(s.Wire.StatusPathAndQuery(s.TaskId), cancellationToken: cancellationToken).ConfigureAwait(false));
            }
        }

        var completed = sim.Admin.Tasks.Where(t => t.Phase == TaskPhase.Completed).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var videos = scenarios.Where(s => completed.Contains(s.TaskId)).ToList();
        var urls = videos.ToDictionary(s => s, _ => new List<Uri>());
        RecordedAnswer? badSignature = null;
        foreach (var (state, at) in VideoMoments(sim.Options))
        {
            sim.AdvanceTo(at);
            foreach (var s in videos)
            {
                s.Completed = true;
                var poll = await sim.GetAsync(s.Wire.StatusPathAndQuery(s.TaskId), cancellationToken: cancellationToken).ConfigureAwait(false);
                var (file, url) = await FileAsync(sim, s, poll, cancellationToken).ConfigureAwait(false);
                if (url is not null && !urls[s].Contains(url))
                {
                    urls[s].Add(url);
                }

                var downloads = new List<KeyValuePair<Uri, RecordedAnswer>>();
                foreach (var known in urls[s])
                {
                    downloads.Add(new(known, await sim.GetAsync(known.AbsoluteUri, withKey: false, cancellationToken).ConfigureAwait(false)));
                }

                s.Video.Add(new VideoState(state, poll, file, downloads));
            }

            // A URL whose signature was changed, as a truncated or edited link would be.
            badSignature ??= await sim.GetAsync(urls[videos[0]][0].AbsoluteUri + "0", withKey: false, cancellationToken).ConfigureAwait(false);
        }

        return new ExportRecording(scenarios, dialects, badSignature!);
    }

    /// <summary>One poll per phase: at submit, once queued, halfway through processing (progress shows), at completion.</summary>
    private static IEnumerable<TimeSpan> PollMoments(SimulatorOptions options)
    {
        yield return TimeSpan.Zero;
        yield return options.QueuedAfter;
        yield return options.ProcessingAfter + ((options.CompletedAfter - options.ProcessingAfter) / 2);
        yield return options.CompletedAfter;
    }

    /// <summary>The video's life after completion: its first URL, past the URL lifetime, past the file retention.</summary>
    private static IEnumerable<(string State, TimeSpan At)> VideoMoments(SimulatorOptions options)
    {
        yield return (WireMockScenarioStates.Completed, options.CompletedAfter);
        yield return (WireMockScenarioStates.Expired, options.CompletedAfter + options.UrlLifetime);
        yield return (WireMockScenarioStates.Deleted, options.CompletedAfter + options.FileRetention);
    }

    /// <summary>MiniMax hands out the URL through the file object (none once deleted); APIMart in the status itself.</summary>
    private static async Task<(RecordedAnswer? File, Uri? Url)> FileAsync(SimulatorRecorder sim, ScenarioRecording s, RecordedAnswer status, CancellationToken cancellationToken)
    {
        if (s.Wire.IsApiMart)
        {
            return (null, s.Wire.DownloadUrlOf(status));
        }

        var file = await sim.GetAsync(DialectWire.FileRetrievePathAndQuery(status.Text("file_id")), cancellationToken: cancellationToken).ConfigureAwait(false);
        return (file, file.Json?["file"]?["download_url"] is not null ? s.Wire.DownloadUrlOf(file) : null);
    }

    private static async Task<DialectRecording> RecordDialectAsync(SimulatorRecorder sim, DialectWire wire, ScenarioRecording any, CancellationToken cancellationToken)
    {
        var recording = new DialectRecording(wire)
        {
            UnauthorizedSubmit = await sim.PostAsync(wire.SubmitPath, wire.SubmitBody(any.Prompt), withKey: false, cancellationToken).ConfigureAwait(false),
            UnauthorizedStatus = await sim.GetAsync(wire.StatusPathAndQuery(any.TaskId), withKey: false, cancellationToken).ConfigureAwait(false),
            UnknownTask = await sim.GetAsync(wire.StatusPathAndQuery("unknown"), cancellationToken: cancellationToken).ConfigureAwait(false),
        };
        if (!wire.IsApiMart)
        {
            recording.UnauthorizedFile = await sim.GetAsync(DialectWire.FileRetrievePathAndQuery("unknown"), withKey: false, cancellationToken).ConfigureAwait(false);
            recording.UnknownFile = await sim.GetAsync(DialectWire.FileRetrievePathAndQuery("unknown"), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return recording;
    }

    /// <summary>
    /// A second simulator allowing one request a minute: a submit at 0 s, then at 59 s each dialect's submit is refused
    /// with Retry-After: 1, a wait short enough for a real client against WireMock.
    /// </summary>
    private static async Task RecordRateLimitsAsync(Uri baseUrl, IEnumerable<ScenarioRecording> scenarios, CancellationToken cancellationToken)
    {
        await using var sim = SimulatorRecorder.Start(baseUrl, new SimulatorOptions { RequestsPerMinute = 1 });
        var first = DialectWire.ApiMart;
        await sim.PostAsync(first.SubmitPath, first.SubmitBody("A first task uses up the minute"), cancellationToken: cancellationToken).ConfigureAwait(false);
        sim.AdvanceTo(TimeSpan.FromSeconds(59));
        foreach (var s in scenarios)
        {
            s.RateLimited = await sim.PostAsync(s.Wire.SubmitPath, s.Wire.SubmitBody(s.Prompt), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
