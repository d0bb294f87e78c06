using System.Runtime.CompilerServices;
using System.Text;

namespace Hailuo.Testing;

/// <summary>
/// A small stand-in for Verify (which cannot be restored here) that keeps its conventions:
/// <c>{Class}.{Method}.verified.{ext}</c> beside the test, <c>.received.</c> on mismatch, and an
/// environment variable to accept, so moving to Verify later is a rename.
/// </summary>
public static class Snapshot
{
    /// <summary>Set to 1 to accept received snapshots; ignored when CI is set.</summary>
    public const string AcceptVariable = "HAILUO_ACCEPT_SNAPSHOTS";

    /// <summary>Compares text with the verified file of the calling test; a mismatch writes .received. and fails with a diff.</summary>
    /// <remarks><paramref name="accept"/> overrides the environment, for tests of this helper itself.</remarks>
    public static void Verify(
        string actual,
        string extension = "txt",
        string? hintName = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "",
        bool? accept = null)
    {
        var directory = Path.GetDirectoryName(SourcePath(sourceFile))!;
        var name = Path.GetFileNameWithoutExtension(sourceFile) + "." + method + (hintName is null ? string.Empty : "#" + hintName);
        var verifiedPath = Path.Combine(directory, name + ".verified." + extension);
        var receivedPath = Path.Combine(directory, name + ".received." + extension);
        var received = Normalize(actual);
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept ?? Accepting())
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        var message = verified is null
            ? $"No verified snapshot {Path.GetFileName(verifiedPath)}; received written beside it. Review it, then rerun with {AcceptVariable}=1."
            : $"Snapshot {Path.GetFileName(verifiedPath)} differs (received written beside it):\n{Diff(verified, received)}";
        throw new SnapshotMismatchException(message);
    }

    /// <summary>A deterministic build writes source paths as /_/...; map them back into the checkout.</summary>
    private static string SourcePath(string sourceFile) =>
        sourceFile.StartsWith("/_/", StringComparison.Ordinal) ? Path.Combine(RepositoryRoot.Path, sourceFile[3..]) : sourceFile;

    /// <summary>LF line endings, no BOM, one trailing newline: one policy on every machine.</summary>
    public static string Normalize(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";

    private static bool Accepting() =>
        Environment.GetEnvironmentVariable(AcceptVariable) == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The first differing lines with a little context, as - verified / + received.</summary>
    internal static string Diff(string verified, string received)
    {
        var expected = verified.Split('\n');
        var actual = received.Split('\n');
        var first = 0;
        while (first < expected.Length && first < actual.Length && expected[first] == actual[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.Append("first difference at line ").Append(first + 1).Append('\n');
        for (var i = Math.Max(0, first - 2); i < first; i++)
        {
            builder.Append("  ").Append(expected[i]).Append('\n');
        }

        for (var i = first; i < Math.Min(expected.Length, first + 8); i++)
        {
            builder.Append("- ").Append(expected[i]).Append('\n');
        }

        for (var i = first; i < Math.Min(actual.Length, first + 8); i++)
        {
            builder.Append("+ ").Append(actual[i]).Append('\n');
        }

        return builder.ToString();
    }
}

/// <summary>A snapshot did not match its verified file.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SnapshotMismatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
