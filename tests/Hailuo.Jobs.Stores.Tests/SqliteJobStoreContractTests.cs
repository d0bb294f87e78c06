namespace Hailuo.Jobs.Stores.Tests;

/// <summary>The store contract on the SQLite ledger: a file in a folder of its own.</summary>
public sealed class SqliteJobStoreContractTests : JobStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hailuo-store-tests", Guid.NewGuid().ToString("N"));

    protected override Task<IJobStore> OpenStoreAsync() => Task.FromResult<IJobStore>(new SqliteJobStore(Path.Combine(_folder, "jobs.db"), Clock));

    protected override Task DeleteLedgerAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
