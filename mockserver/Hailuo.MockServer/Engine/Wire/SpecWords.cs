using Hailuo.Contracts;

namespace Hailuo.MockServer.Wire;

/// <summary>The error codes and status words the simulator writes, taken from the spec's dialects by meaning; none is written here.</summary>
internal static class SpecWords
{
    private static readonly TaskPhase[] Phases = Enum.GetValues<TaskPhase>();

    private static readonly Dictionary<TaskPhase, string> MiniMaxWords =
        Phases.ToDictionary(p => p, p => Word(HailuoSpec.MiniMaxDialect, Meaning(p), synonym: false));

    private static readonly Dictionary<(TaskPhase, ApiMartStatusWords), string> ApiMartWords =
        Enum.GetValues<ApiMartStatusWords>().SelectMany(v => Phases.Select(p => (p, v))).ToDictionary(k => k, k => ApiMartWord(k.p, k.v));

    // Looked up once: error answers (429 storms, rate limits) are on the hot path.
    private static readonly Dictionary<string, int> MiniMaxCodes =
        HailuoSpec.MiniMaxDialect.ErrorCodes.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.Min(c => c.Key));

    /// <summary>The lowest MiniMax code the spec gives this meaning (rate-limited, authentication, ...).</summary>
    public static int MiniMaxCode(string meaning) =>
        MiniMaxCodes.TryGetValue(meaning, out var code)
            ? code
            : throw new InvalidOperationException($"The spec's MiniMax dialect has no error code meaning \"{meaning}\"; the simulator cannot answer with one.");

    public static string MiniMaxStatus(TaskPhase phase) => MiniMaxWords[phase];

    public static string ApiMartStatus(TaskPhase phase, ApiMartStatusWords words) => ApiMartWords[(phase, words)];

    // Each documented word set differs from the design card's in one place: the spec's other word for that meaning.
    private static string ApiMartWord(TaskPhase phase, ApiMartStatusWords words) => (phase, words) switch
    {
        (TaskPhase.Submitted or TaskPhase.Queued, ApiMartStatusWords.StatusPage) => Word(HailuoSpec.ApiMartDialect, "queued", synonym: true),
        (TaskPhase.Completed, ApiMartStatusWords.Seed002) => Word(HailuoSpec.ApiMartDialect, "completed", synonym: true),
        _ => Word(HailuoSpec.ApiMartDialect, Meaning(phase), synonym: false),
    };

    // A meaning's plain word is the one spelled like it (or its only word); a synonym is any other word with it.
    private static string Word(DialectInfo dialect, string meaning, bool synonym)
    {
        var words = dialect.StatusWords.Where(w => w.Value == meaning).Select(w => w.Key).ToList();
        var pick = synonym
            ? words.Find(w => !Spelled(w, meaning))
            : words.Find(w => Spelled(w, meaning)) ?? (words.Count == 1 ? words[0] : null);
        return pick ?? throw new InvalidOperationException(
            $"The spec's {dialect.Dialect} dialect has no {(synonym ? "second " : string.Empty)}status word meaning \"{meaning}\"; the simulator cannot write that status.");
    }

    private static bool Spelled(string word, string meaning) => string.Equals(word, meaning, StringComparison.OrdinalIgnoreCase);

    // Each phase is named as the status it shows, whose name in lower case is the spec's meaning ("queued").
    private static string Meaning(TaskPhase phase) => phase.ToString().ToLowerInvariant();
}
