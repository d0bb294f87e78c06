using Hailuo.Testing;
using Npgsql;

namespace Hailuo.Jobs.Stores.Tests;

/// <summary>The PostgreSQL ledger's own promises: its schema, its clock, and one clear line for each way it cannot open.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlLedgerTests(PostgreSqlFixture postgres) : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlFixture.NewSchema();

    [Fact]
    public async Task Workers_opening_a_fresh_database_at_once_create_the_schema_once_at_the_current_version()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OpenAsync()))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(PostgreSqlJobStore.SchemaVersion, Convert.ToInt32(await postgres.ExecuteAsync($"SELECT version FROM {_schema}.ledger_schema;"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, await postgres.ExecuteAsync($"SELECT count(*) FROM {_schema}.ledger_schema;"));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_ledger_at_an_earlier_schema_version_is_migrated_on_open_and_keeps_its_jobs()
    {
        await using (var store = await OpenAsync())
        {
            await store.AddOrGetAsync(Job("clip-1"));
        }

        // Schema 1 had the jobs table only, without the challenge time.
        await postgres.ExecuteAsync($"DROP TABLE {_schema}.budget_charges; ALTER TABLE {_schema}.jobs DROP COLUMN challenged_at; UPDATE {_schema}.ledger_schema SET version = 1;");

        await using var migrated = await OpenAsync();
        var charge = await migrated.TryChargeAsync("batch", "clip-1", 0.40m, 1m);

        Assert.Equal(2, PostgreSqlJobStore.SchemaVersion);
        Assert.Equal(PostgreSqlJobStore.SchemaVersion, await postgres.ExecuteAsync($"SELECT version FROM {_schema}.ledger_schema;"));
        Assert.Equal(JobState.Created, (await migrated.FindAsync("clip-1"))!.State);
        Assert.True(charge.Charged);
    }

    [Fact]
    public async Task A_ledger_from_a_newer_release_is_refused_in_one_line_and_its_jobs_stay_as_they_were()
    {
        await using (var store = await OpenAsync())
        {
            await store.AddOrGetAsync(Job("clip-1"));
        }

        await postgres.ExecuteAsync($"UPDATE {_schema}.ledger_schema SET version = 9;");

        var error = await Assert.ThrowsAsync<PostgreSqlLedgerException>(() => OpenAsync());

        Assert.Equal($"the ledger in schema '{_schema}' at 127.0.0.1:{postgres.Cluster.Port}/postgres has schema version 9, written by a newer release; this release reads up to version {PostgreSqlJobStore.SchemaVersion}. Open it with that release, or name another schema or database.", error.Message);
        Assert.Equal(9, await postgres.ExecuteAsync($"SELECT version FROM {_schema}.ledger_schema;"));
        Assert.Equal("Created 1", await postgres.ExecuteAsync($"SELECT state || ' ' || version FROM {_schema}.jobs WHERE key = 'clip-1';"));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Prot=5432", "'prot'")]
    [InlineData("Host=127.0.0.1;Port=five", "five")]
    [InlineData("Port=5432;Database=hailuo", "names no Host")]
    public async Task A_connection_string_that_is_not_valid_is_refused_in_one_line_naming_what_is_wrong(string connectionString, string named)
    {
        var error = await Assert.ThrowsAsync<PostgreSqlLedgerException>(() => PostgreSqlJobStore.OpenAsync(connectionString));

        Assert.StartsWith("the PostgreSQL connection string ", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_one_line_naming_the_server_and_never_the_password()
    {
        var wrong = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Password = "not-the-password-0123" }.ToString();

        var error = await Assert.ThrowsAsync<PostgreSqlLedgerException>(() => PostgreSqlJobStore.OpenAsync(wrong));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{postgres.Cluster.Port}/postgres refused the ledger's connection: password authentication failed for user \"postgres\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-0123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_running_is_named_in_one_line()
    {
        var port = PostgreSqlCluster.FreePort();

        var error = await Assert.ThrowsAsync<PostgreSqlLedgerException>(() => PostgreSqlJobStore.OpenAsync($"Host=127.0.0.1;Port={port};Username=hailuo;Password=secret;Database=jobs;Timeout=5"));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port}/jobs cannot be reached: Connection refused", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("is the server running and listening there?", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_injected_clock_leases_run_on_the_servers_clock()
    {
        // A server whose clock reads 2100: the store's "now" must come from it, not from this machine.
        var clockSchema = PostgreSqlFixture.NewSchema();
        await postgres.ExecuteAsync($"CREATE SCHEMA {clockSchema}; CREATE FUNCTION {clockSchema}.clock_timestamp() RETURNS timestamptz LANGUAGE sql AS $$ SELECT timestamptz '2100-01-01 00:00:00+00' $$;");
        var serverIn2100 = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { SearchPath = clockSchema + ",pg_catalog" }.ToString();
        await using var store = await PostgreSqlJobStore.OpenAsync(serverIn2100, new PostgreSqlJobStoreOptions { Schema = _schema });
        await store.AddOrGetAsync(Job("clip-1"));

        var lease = await store.TryClaimAsync("clip-1", "process-a", TimeSpan.FromMinutes(1));
        var renewed = await store.RenewAsync(lease!, TimeSpan.FromMinutes(2));

        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 1, 0, TimeSpan.Zero), lease!.ExpiresAt);
        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 2, 0, TimeSpan.Zero), renewed!.ExpiresAt);
        await postgres.DropSchemaAsync(clockSchema);
    }

    [Fact]
    public async Task A_schema_name_outside_the_allowed_letters_is_refused_before_connecting()
    {
        var error = await Assert.ThrowsAsync<PostgreSqlLedgerException>(() => PostgreSqlJobStore.OpenAsync(postgres.ConnectionString, new PostgreSqlJobStoreOptions { Schema = "jobs; DROP TABLE x" }));

        Assert.StartsWith("the ledger schema 'jobs; DROP TABLE x' is not allowed; it must be lower-case letters", error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => postgres.DropSchemaAsync(_schema);

    private static JobRecord Job(string key) => new()
    {
        Key = key,
        Provider = "APIMart",
        State = JobState.Created,
        Request = "{}",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private Task<PostgreSqlJobStore> OpenAsync() => PostgreSqlJobStore.OpenAsync(postgres.ConnectionString, new PostgreSqlJobStoreOptions { Schema = _schema });
}
