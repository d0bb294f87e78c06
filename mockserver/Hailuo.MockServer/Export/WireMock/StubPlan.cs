using System.Text.RegularExpressions;
using static Hailuo.MockServer.WireMock.WireMockScenarioStates;

namespace Hailuo.MockServer.WireMock;

/// <summary>Turns recorded answers into stub mappings: one scenario per task, each request moving it one state on.</summary>
internal static class StubPlan
{
    /// <summary>Scenario steps and the download win over the fallbacks; a marked submit wins over the plain one.</summary>
    private const int Step = 1;
    private const int PlainSubmit = 2;
    private const int UnknownResource = 8;
    private const int MissingKey = 9;

    public static (IReadOnlyList<StubMapping> Mappings, IReadOnlyList<WireMockScenario> Scenarios) Build(ExportRecording recording, WireMockExportOptions options)
    {
        var key = options.ApiKey is { } apiKey ? StubMatcher.EqualTo("Bearer " + apiKey) : StubMatcher.Matches(@"^Bearer \S+$");
        var markers = ScenarioDefinition.All.Where(d => d.Marker is not null).Select(d => Regex.Escape(d.Marker!)).ToArray();
        var mappings = new List<StubMapping>();
        var scenarios = new List<WireMockScenario>();
        foreach (var s in recording.Scenarios)
        {
            var body = s.Definition.Marker is { } marker
                ? StubMatcher.Matches("(?is)^.*" + Regex.Escape(marker) + ".*$")
                : StubMatcher.Matches("(?is)^(?!.*(?:" + string.Join('|', markers) + ")).*$");
            var steps = new ScenarioSteps(s, mappings);
            var submit = s.Wire.Submit(key, body);
            var submitPriority = s.Definition.Marker is null ? PlainSubmit : Step;
            if (s.RateLimited is { } refused)
            {
                steps.Move("submit-refused", submitPriority, submit, refused);
            }

            steps.Move("submit", submitPriority, submit, s.Submit);
            if (s.ServerError is { } failedPoll)
            {
                steps.Move("poll-server-error", Step, s.Wire.Status(key, s.TaskId), failedPoll);
            }

            foreach (var (poll, word) in s.Polls.Zip(new[] { Submitted, Queued, Processing, s.Completed ? Completed : Failed }))
            {
                steps.Move("poll-" + word.ToLowerInvariant(), Step, s.Wire.Status(key, s.TaskId), poll, sticky: word is Completed or Failed);
            }

            if (s.Completed)
            {
                AddVideo(steps, s, key);
            }

            scenarios.Add(new WireMockScenario(s.Name, s.Wire.Dialect, s.Definition.Marker, s.TaskId, steps.States));
        }

        foreach (var d in recording.Dialects)
        {
            AddFallbacks(mappings, d, key);
        }

        mappings.Add(new StubMapping("download-bad-signature", "download URL whose signature or expiry was changed", UnknownResource, DialectWire.AnyDownload(), recording.BadSignature));
        return (mappings, scenarios);
    }

    /// <summary>
    /// In each state of the video's life (Completed, then Expired and Deleted, set from outside as time passing would):
    /// the status and file object of that moment, and the answer to every URL handed out until then.
    /// </summary>
    private static void AddVideo(ScenarioSteps steps, ScenarioRecording s, StubMatcher key)
    {
        var video = s.Name + ".mp4";
        var fileId = s.Wire.IsApiMart ? null : s.Polls[^1].Text("file_id");
        foreach (var state in s.Video)
        {
            var prefix = state.State == Completed ? string.Empty : state.State.ToLowerInvariant() + "-";
            if (state.State != Completed)
            {
                steps.Keep(prefix + "poll", state.State, s.Wire.Status(key, s.TaskId), state.Poll);
            }

            if (state.File is { } file)
            {
                steps.Keep(prefix + "file", state.State, DialectWire.FileRetrieve(key, fileId!), file);
            }

            var number = 0;
            foreach (var (url, answer) in state.Downloads)
            {
                steps.Keep(prefix + "download-url" + ++number, state.State, DialectWire.Download(url), answer, answer.Bytes is null ? null : video);
            }
        }
    }

    private static void AddFallbacks(List<StubMapping> mappings, DialectRecording d, StubMatcher key)
    {
        var p = d.Wire.Prefix;
        mappings.Add(new StubMapping(p + "-unknown-task", p + ": status of a task no scenario holds (or not in a polling state)", UnknownResource, d.Wire.AnyStatus(key), d.UnknownTask));
        mappings.Add(new StubMapping(p + "-missing-key-submit", p + ": submit without a bearer key the stubs accept", MissingKey, new StubRequest("POST", UrlPath: d.Wire.SubmitPath), d.UnauthorizedSubmit));
        mappings.Add(new StubMapping(p + "-missing-key-status", p + ": status without a bearer key the stubs accept", MissingKey, d.Wire.AnyStatus(null), d.UnauthorizedStatus));
        if (d.UnknownFile is not null)
        {
            mappings.Add(new StubMapping(p + "-unknown-file", p + ": file of no completed scenario", UnknownResource, DialectWire.AnyFileRetrieve(key), d.UnknownFile));
            mappings.Add(new StubMapping(p + "-missing-key-file", p + ": file retrieve without a bearer key the stubs accept", MissingKey, DialectWire.AnyFileRetrieve(null), d.UnauthorizedFile!));
        }
    }

    /// <summary>Numbers a scenario's mappings and chains its states: each step requires the state the previous one set.</summary>
    private sealed class ScenarioSteps(ScenarioRecording scenario, List<StubMapping> into)
    {
        private string _state = Started;

        public List<string> States { get; } = new() { Started };

        /// <summary>A step that answers in the current state and moves the scenario to the next one, unless sticky.</summary>
        public void Move(string what, int priority, StubRequest request, RecordedAnswer answer, bool sticky = false)
        {
            var next = sticky ? null : NextState(answer);
            into.Add(Mapping(what, priority, request, answer, _state, next));
            if (next is not null)
            {
                _state = next;
                States.Add(next);
            }
        }

        /// <summary>A stub that answers in a state without leaving it.</summary>
        public void Keep(string what, string state, StubRequest request, RecordedAnswer answer, string? bodyFile = null)
        {
            if (!States.Contains(state))
            {
                States.Add(state);
            }

            into.Add(Mapping(what, Step, request, answer, state, null) with { BodyFileName = bodyFile });
        }

        /// <summary>The state after an answer: a fault leads to its retry, an accepted submit to the first poll.</summary>
        private string NextState(RecordedAnswer answer) => answer.IsRateLimited ? RateLimited : answer.Status switch
        {
            >= 500 => Submitted,
            _ when _state is Started or RateLimited => scenario.ServerError is null ? Submitted : ServerError,
            _ => _state switch { Submitted => Queued, Queued => Processing, _ => scenario.Completed ? Completed : Failed },
        };

        private StubMapping Mapping(string what, int priority, StubRequest request, RecordedAnswer answer, string required, string? next)
        {
            var file = $"{scenario.Name}-{into.Count(m => m.ScenarioName == scenario.Name) + 1:00}-{what}";
            var name = $"{scenario.Name}: {what} ({required}{(next is null ? string.Empty : " -> " + next)}) HTTP {answer.Status}";
            return new StubMapping(file, name, priority, request, answer) { ScenarioName = scenario.Name, RequiredState = required, NewState = next };
        }
    }
}
