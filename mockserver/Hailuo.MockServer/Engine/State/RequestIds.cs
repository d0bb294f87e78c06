namespace Hailuo.MockServer.Simulation;

/// <summary>X-Request-Id values: "req_" and a ULID from the clock and a counter, unique per simulator and the same in every test run.</summary>
internal sealed class RequestIds
{
    public const string Header = "X-Request-Id";

    public const string Prefix = "req_";

    // Not reset with the rest of the state: an id stays unique for the simulator's whole life.
    private long _counter;

    public string Next(DateTimeOffset now) => Prefix + TaskStore.Ulid(now, Interlocked.Increment(ref _counter));
}
