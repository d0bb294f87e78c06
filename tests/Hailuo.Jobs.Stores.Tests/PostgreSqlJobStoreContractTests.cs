namespace Hailuo.Jobs.Stores.Tests;

/// <summary>The store contract on the PostgreSQL ledger: a schema of its own in the tests' throwaway cluster.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlJobStoreContractTests(PostgreSqlFixture postgres) : JobStoreContract
{
    private readonly string _schema = PostgreSqlFixture.NewSchema();

    protected override async Task<IJobStore> OpenStoreAsync() =>
        await PostgreSqlJobStore.OpenAsync(postgres.ConnectionString, new PostgreSqlJobStoreOptions { Schema = _schema, Clock = Clock });

    protected override Task DeleteLedgerAsync() => postgres.DropSchemaAsync(_schema);
}
