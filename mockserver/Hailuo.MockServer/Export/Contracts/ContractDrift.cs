namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>One difference between a recording and the simulator's answer to the same request.</summary>
/// <param name="Exchange">The recording's name, such as "03-unknown-task".</param>
/// <param name="Field">What differs: "HTTP status", "header Trace-Id", or a body field's path such as "base_resp.status_code".</param>
/// <param name="Recorded">What the recording says.</param>
/// <param name="Simulator">What the simulator says.</param>
public sealed record ContractDrift(string Exchange, string Field, string Recorded, string Simulator)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Exchange}: {Field}: recorded {Recorded}, simulator {Simulator}";
}

/// <summary>One exchange replayed: the recording, the simulator's answer and their drifts (none: same shape).</summary>
public sealed record VerifiedExchange(RecordedExchange Recorded, RecordedAnswerShape Simulator, IReadOnlyList<ContractDrift> Drifts);

/// <summary>The outcome of `contract verify`: every exchange in file order.</summary>
public sealed record ContractReport(string Folder, string Provider, IReadOnlyList<VerifiedExchange> Exchanges)
{
    /// <summary>Every drift, exchange by exchange.</summary>
    public IReadOnlyList<ContractDrift> Drifts => Exchanges.SelectMany(e => e.Drifts).ToArray();

    /// <summary>The report as the CLI prints it: a line per exchange, a line per drift under it, and a total.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"contract verify: {Exchanges.Count} recorded exchanges from {Folder} against the simulator ({Provider})" };
        var width = Exchanges.Count == 0 ? 0 : Exchanges.Max(e => e.Recorded.Name.Length);
        foreach (var exchange in Exchanges)
        {
            var request = exchange.Recorded.Request;
            lines.Add($"{(exchange.Drifts.Count == 0 ? "ok   " : "DRIFT")} {exchange.Recorded.Name.PadRight(width)}  {request.Method} {request.PathAndQuery}");
            lines.AddRange(exchange.Drifts.Select(d => $"      - {d.Field}: recorded {d.Recorded}, simulator {d.Simulator}"));
        }

        var drifting = Exchanges.Count(e => e.Drifts.Count > 0);
        lines.Add(drifting == 0 ? "no drift" : $"{Drifts.Count} drifts in {drifting} of {Exchanges.Count} exchanges");
        return string.Join('\n', lines);
    }
}
