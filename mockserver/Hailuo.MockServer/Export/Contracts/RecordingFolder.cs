using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock.Handlers;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>
/// The file system WireMock.Net's proxy-and-record mode saves through: every mapping lands in the one --out folder, named
/// after the probe in flight, scrubbed of secrets before a byte is written; it writes nothing else and reads nothing.
/// </summary>
internal sealed class RecordingFolder : IFileSystemHandler
{
    // Relaxed escaping keeps "<scrubbed>" and URLs readable in the snapshot instead of \u003C escapes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _providerName;
    private readonly string? _key;
    private readonly List<string> _written = new();
    private readonly List<string> _refused = new();
    private (int Index, ContractProbe Probe)? _current;

    public RecordingFolder(string folder, string providerName, string? key)
    {
        Folder = Path.GetFullPath(folder);
        _providerName = providerName;
        _key = key;
    }

    public string Folder { get; }

    /// <summary>The files written, in order; a probe sent twice (a status poll) keeps one file, its last answer.</summary>
    public IReadOnlyList<string> Written
    {
        get
        {
            lock (_written)
            {
                return _written.Distinct(StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>Mappings not written because a secret survived the scrub, as one line each.</summary>
    public IReadOnlyList<string> Refused
    {
        get
        {
            lock (_written)
            {
                return _refused.ToArray();
            }
        }
    }

    /// <summary>The name of a probe's file: its position, then its name, so files sort in the order they were sent.</summary>
    public static string FileName(int index, ContractProbe probe) => $"{index:00}-{probe.Name}.json";

    /// <summary>Deletes the contract recordings a previous run left in the folder (and no other file), so a probe dropped since leaves no stale snapshot.</summary>
    public static int RemoveEarlierRecordings(string folder)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject mapping && ContractRecording.MarkOf(mapping) is not null)
                {
                    File.Delete(file);
                    removed++;
                }
            }
            catch (JsonException)
            {
                // Not JSON, so not ours: left alone.
            }
        }

        return removed;
    }

    /// <summary>Says which probe the next saved mapping belongs to; probes are sent one at a time.</summary>
    public void Expect(int index, ContractProbe probe)
    {
        lock (_written)
        {
            _current = (index, probe);
        }
    }

    /// <summary>How many times the probe's file has been written so far.</summary>
    public int WritesOf(int index, ContractProbe probe)
    {
        var path = Path.Combine(Folder, FileName(index, probe));
        lock (_written)
        {
            return _written.Count(w => w == path);
        }
    }

    public string GetMappingFolder() => Folder;

    public bool FolderExists(string path) => Inside(path) && Directory.Exists(path);

    public void CreateFolder(string path)
    {
        if (Inside(path))
        {
            Directory.CreateDirectory(path);
        }
    }

    public void WriteMappingFile(string path, string text)
    {
        lock (_written)
        {
            if (_current is not { } current)
            {
                return;
            }

            var mapping = JsonNode.Parse(text)!.AsObject();
            ContractRecording.Mark(mapping, _providerName, current.Probe);
            MappingSecrets.Scrub(mapping, _key);
            var target = Path.Combine(Folder, FileName(current.Index, current.Probe));
            if (MappingSecrets.Find(mapping) is { Count: > 0 } left)
            {
                _refused.Add($"{target}: a secret survived scrubbing at {left[0].Path} ({left[0].Why}); the file was not written.");
                return;
            }

            File.WriteAllText(target, mapping.ToJsonString(Indented) + "\n", new UTF8Encoding(false));
            _written.Add(target);
        }
    }

    // Proxy-and-record reads no files and writes only mappings; anything else would leave --out or touch the disk unasked.
    public IEnumerable<string> EnumerateFiles(string path, bool includeSubdirectories) => Array.Empty<string>();

    public string ReadMappingFile(string path) => throw Refuse(path);

    public byte[] ReadResponseBodyAsFile(string path) => throw Refuse(path);

    public string ReadResponseBodyAsString(string path) => throw Refuse(path);

    public bool FileExists(string filename) => false;

    public void WriteFile(string filename, byte[] bytes) => throw Refuse(filename);

    public void WriteFile(string folder, string filename, byte[] bytes) => throw Refuse(Path.Combine(folder, filename));

    public void DeleteFile(string filename) => throw Refuse(filename);

    public byte[] ReadFile(string filename) => throw Refuse(filename);

    public string ReadFileAsString(string filename) => throw Refuse(filename);

    public string GetUnmatchedRequestsFolder() => Folder;

    public void WriteUnmatchedRequest(string filename, string text) => throw Refuse(filename);

    private static InvalidOperationException Refuse(string path) =>
        new($"contract record reads and writes no file but its mappings; WireMock.Net asked for '{path}'.");

    private bool Inside(string path) =>
        Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar).Equals(Folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
