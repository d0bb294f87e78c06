using System.Collections.Concurrent;
using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.MockServer.Simulation;

/// <summary>Every task the simulator holds, found by task id or file id.</summary>
internal sealed class TaskStore
{
    // Crockford base32, as the ULIDs in APIMart's task ids ("task_01K8SGYNNNVBQTXNR4MM964S7K").
    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly ConcurrentDictionary<string, TaskRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskRecord> _byFileId = new(StringComparer.Ordinal);
    private long _counter;

    public int Count => _byId.Count;

    public long NextNumber() => Interlocked.Increment(ref _counter);

    /// <summary>Ids are made from the clock and a counter, so the same test run gives the same ids.</summary>
    public static string TaskId(WireDialect dialect, long number, DateTimeOffset now) => dialect == WireDialect.ApiMart
        ? "task_" + Ulid(now, number)
        : (300_000_000_000_000L + number).ToString(CultureInfo.InvariantCulture);

    public static string FileId(long number) => (200_000_000_000_000L + number).ToString(CultureInfo.InvariantCulture);

    public void Add(TaskRecord task)
    {
        _byId[task.Id] = task;
        _byFileId[task.FileId] = task;
    }

    public TaskRecord? Find(string id) => _byId.TryGetValue(id, out var task) ? task : null;

    public TaskRecord? FindByFileId(string fileId) => _byFileId.TryGetValue(fileId, out var task) ? task : null;

    public IReadOnlyList<TaskRecord> All() => _byId.Values.OrderBy(t => t.Number).ToArray();

    public void Clear()
    {
        _byId.Clear();
        _byFileId.Clear();
    }

    /// <summary>A ULID from the clock's milliseconds and a number, in Crockford base32.</summary>
    internal static string Ulid(DateTimeOffset now, long number)
    {
        var chars = new char[26];
        var time = now.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Base32[(int)(time & 31)];
            time >>= 5;
        }

        var rest = number;
        for (var i = 25; i >= 10; i--)
        {
            chars[i] = Base32[(int)(rest & 31)];
            rest >>= 5;
        }

        return new string(chars);
    }
}
