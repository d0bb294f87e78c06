using Hailuo.Jobs;
using Microsoft.Data.Sqlite;

namespace Hailuo.Cli.Output;

/// <summary>Opens a film's ledger, or says why it cannot be opened, naming its path instead of SQLite's bare error number.</summary>
internal static class LedgerFile
{
    public static (SqliteJobStore? Ledger, string? Problem) Open(string path, OutputDisk disk)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return (null, $"the ledger '{full}' cannot be opened: it is a folder; --ledger must name a file, such as '{Path.Combine(full, "jobs.db")}'.");
        }

        try
        {
            return (new SqliteJobStore(full), null);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return (null, $"the ledger '{full}' cannot be opened: {Reason(full, e, disk)}.");
        }
    }

    private static string Reason(string path, Exception e, OutputDisk disk)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OutputCheck.BlockingFile(folder) is { } file)
        {
            return $"'{file}' is a file, not a folder";
        }

        if (Directory.Exists(folder) && !File.Exists(path) && OutputCheck.Unwritable(folder, disk) is { } unwritable)
        {
            return $"its folder '{folder}' is not writable ({unwritable})";
        }

        // SQLite's own words, such as "file is not a database", without its "SQLite Error 26:" prefix.
        return e is SqliteException sqlite ? sqlite.Message.Split(": ", 2)[^1].Trim('\'', '.', ' ') : e.Message.TrimEnd('.');
    }
}
