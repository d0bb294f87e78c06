namespace Hailuo.MockServer.Simulation;

/// <summary>The most recent requests, oldest dropped first once full.</summary>
internal sealed class Journal
{
    private readonly Queue<JournalEntry> _entries = new();
    private readonly int _capacity;

    public Journal(int capacity)
    {
        _capacity = capacity;
    }

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    public void Add(JournalEntry entry)
    {
        lock (_entries)
        {
            if (_entries.Count == _capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }
}
