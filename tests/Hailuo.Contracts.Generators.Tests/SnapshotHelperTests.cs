using Hailuo.Testing;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>The Verify-compatible helper: a mismatch writes .received. and fails with a diff; a match cleans up.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("snapshots").FullName;

    private string Source => Path.Combine(_directory, "Sample.cs");

    [Fact]
    public void A_missing_verified_file_fails_and_writes_the_received_file()
    {
        var error = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("hello\n", "txt", sourceFile: Source, method: "Greets", accept: false));

        Assert.Contains("No verified snapshot Sample.Greets.verified.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(_directory, "Sample.Greets.received.txt")));
    }

    [Fact]
    public void A_mismatch_fails_with_a_line_diff()
    {
        File.WriteAllText(Path.Combine(_directory, "Sample.Greets#A.g.verified.cs"), "one\ntwo\nthree\n");

        var error = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("one\nTWO\nthree\n", "cs", "A.g", Source, "Greets", accept: false));

        Assert.Contains("first difference at line 2\n  one\n- two\n- three", error.Message, StringComparison.Ordinal);
        Assert.Contains("+ TWO", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "Sample.Greets#A.g.received.cs")));
    }

    [Fact]
    public void A_match_ignores_line_endings_and_bom_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Path.Combine(_directory, "Sample.Greets.verified.txt"), "\uFEFFone\r\ntwo\r\n");
        File.WriteAllText(Path.Combine(_directory, "Sample.Greets.received.txt"), "old");

        Snapshot.Verify("one\ntwo", "txt", sourceFile: Source, method: "Greets", accept: false);

        Assert.False(File.Exists(Path.Combine(_directory, "Sample.Greets.received.txt")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
