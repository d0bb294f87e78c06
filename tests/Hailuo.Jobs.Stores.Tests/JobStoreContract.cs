using Microsoft.Extensions.Time.Testing;

namespace Hailuo.Jobs.Stores.Tests;

/// <summary>
/// What every ledger promises (<see cref="IJobStore"/>), run against each store by a subclass. Each test has its own
/// empty ledger; every <see cref="OpenAsync"/> is one more process's store on that same ledger.
/// </summary>
public abstract class JobStoreContract : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly List<IJobStore> _opened = [];

    /// <summary>The stores' lease clock, advanced by the tests instead of sleeping.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_new_job_is_added_at_version_1_and_a_second_add_under_its_key_returns_the_first_unchanged()
    {
        var store = await OpenAsync();

        var added = await store.AddOrGetAsync(NewJob("clip-1"));
        var again = await store.AddOrGetAsync(NewJob("clip-1") with { Request = """{"prompt":"another"}""", State = JobState.Failed });

        Assert.Equal(NewJob("clip-1") with { Version = 1 }, added);
        Assert.Equal(added, again);
        Assert.Equal(added, Assert.Single(await store.ListAsync()));
        Assert.Null(await store.FindAsync("nobody"));
    }

    [Fact]
    public async Task Every_field_is_read_back_as_it_was_written()
    {
        var store = await OpenAsync();
        var added = await store.AddOrGetAsync(NewJob("clip-1"));
        var full = added with
        {
            State = JobState.Stored,
            EstimatedDollars = 0.40m,
            CallbackUrl = "https://example.test/hailuo/callbacks/Y2xpcC0x/secret",
            TaskId = "task_01JXYZ",
            Submits = 2,
            SubmitSentAt = Clock.GetUtcNow().AddSeconds(1),
            Location = "/videos/clip-1.mp4",
            Sha256 = new string('a', 64),
            Bytes = 1_234_567,
            Error = "a reason, in words",
            UpdatedAt = Clock.GetUtcNow().AddMinutes(3),
            CompletedAt = Clock.GetUtcNow().AddMinutes(2),
            ChallengedAt = Clock.GetUtcNow().AddSeconds(2),
        };

        var written = await store.TrySaveAsync(full);

        Assert.Equal(full with { Version = 2 }, written);
        Assert.Equal(written, await store.FindAsync("clip-1"));
    }

    [Fact]
    public async Task A_write_over_a_version_already_replaced_is_refused_and_changes_nothing()
    {
        var store = await OpenAsync();
        var added = await store.AddOrGetAsync(NewJob("clip-1"));

        var written = await store.TrySaveAsync(added with { State = JobState.Submitted, TaskId = "task_01WINNER" });
        var stale = await store.TrySaveAsync(added with { State = JobState.OutcomeUnknown, TaskId = null });

        Assert.Null(stale);
        Assert.Equal(written, await store.FindAsync("clip-1"));
        Assert.Equal((1L, 2L), (added.Version, written!.Version));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.TrySaveAsync(added with { Key = "nobody" }));
    }

    [Fact]
    public async Task Writers_in_several_processes_racing_over_one_version_one_wins_and_the_others_change_nothing()
    {
        var stores = await OpenManyAsync(4);
        var added = await stores[0].AddOrGetAsync(NewJob("clip-1"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % stores.Count].TrySaveAsync(added with { State = JobState.Submitted, TaskId = "task_" + i })))).WaitAsync(TimeSpan.FromSeconds(60));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, await stores[0].FindAsync("clip-1"));
        Assert.Equal(2L, winner!.Version);
    }

    [Fact]
    public async Task Adds_of_one_key_racing_in_several_processes_make_one_job_and_all_get_it()
    {
        var stores = await OpenManyAsync(4);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % stores.Count].AddOrGetAsync(NewJob("clip-1") with { Request = "{\"n\":" + i + "}" })))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Single(results.Distinct());
        Assert.Single(await stores[0].ListAsync());
    }

    [Fact]
    public async Task A_claim_gives_a_job_one_owner_until_its_lease_expires_on_the_stores_clock()
    {
        var store = await OpenAsync();
        await store.AddOrGetAsync(NewJob("clip-1"));

        var a = await store.TryClaimAsync("clip-1", "process-a", Minute);
        var b = await store.TryClaimAsync("clip-1", "process-b", Minute);
        Clock.Advance(TimeSpan.FromSeconds(50));
        var renewed = await store.RenewAsync(a!, Minute);
        Clock.Advance(TimeSpan.FromSeconds(50));
        var stillA = await store.TryClaimAsync("clip-1", "process-b", Minute);
        Clock.Advance(TimeSpan.FromSeconds(11));
        var taken = await store.TryClaimAsync("clip-1", "process-b", Minute);
        var lateRenewal = await store.RenewAsync(renewed!, Minute);
        await store.ReleaseAsync(renewed!);
        var afterForeignRelease = await store.TryClaimAsync("clip-1", "process-c", Minute);
        await store.ReleaseAsync(taken!);
        var afterRelease = await store.TryClaimAsync("clip-1", "process-c", Minute);

        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromSeconds(111) + Minute, a!.ExpiresAt);
        Assert.Null(b);
        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromSeconds(61) + Minute, renewed!.ExpiresAt);
        Assert.Null(stillA);
        Assert.Equal("process-b", taken!.Owner);
        Assert.Null(lateRenewal);
        Assert.Null(afterForeignRelease);
        Assert.Equal("process-c", afterRelease!.Owner);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.TryClaimAsync("nobody", "process-a", Minute));
    }

    [Fact]
    public async Task Claimers_in_several_processes_racing_for_one_job_get_one_owner()
    {
        var stores = await OpenManyAsync(4);
        await stores[0].AddOrGetAsync(NewJob("clip-1"));

        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % stores.Count].TryClaimAsync("clip-1", "process-" + i, Minute)))).WaitAsync(TimeSpan.FromSeconds(60));

        var owner = Assert.Single(leases, l => l is not null);
        Clock.Advance(Minute);
        var afterExpiry = await stores[1].TryClaimAsync("clip-1", "process-late", Minute);
        Assert.Equal("process-late", afterExpiry!.Owner);
        Assert.Null(await stores[2].RenewAsync(owner!, Minute));
    }

    [Fact]
    public async Task Unfinished_jobs_are_those_not_in_a_finished_state_and_both_lists_run_oldest_first()
    {
        var store = await OpenAsync();
        var states = Enum.GetValues<JobState>();
        for (var i = 0; i < states.Length; i++)
        {
            // Added newest first, so the order read back comes from the creation time, not the insertion.
            var added = await store.AddOrGetAsync(NewJob("clip-" + i) with { CreatedAt = Clock.GetUtcNow().AddMinutes(-i) });
            await store.TrySaveAsync(added with { State = states[i] });
        }

        var unfinished = await store.ListUnfinishedAsync();
        var all = await store.ListAsync();

        Assert.Equal(states.Where(s => !JobStates.Finished.Contains(s)).Reverse(), unfinished.Select(j => j.State));
        Assert.Equal(states.Reverse(), all.Select(j => j.State));
    }

    [Fact]
    public async Task A_budget_charges_each_job_once_refuses_past_its_cap_and_gives_back_a_refund()
    {
        var store = await OpenAsync();

        var a = await store.TryChargeAsync("batch", "clip-a", 0.40m, 1.00m);
        var aAgain = await store.TryChargeAsync("batch", "clip-a", 0.40m, 1.00m);
        var b = await store.TryChargeAsync("batch", "clip-b", 0.40m, 1.00m);
        var c = await store.TryChargeAsync("batch", "clip-c", 0.40m, 1.00m);
        var otherBudget = await store.TryChargeAsync("other", "clip-c", 0.40m, 1.00m);
        await store.RefundAsync("batch", "clip-a");
        await store.RefundAsync("batch", "clip-never-charged");
        var cAfterRefund = await store.TryChargeAsync("batch", "clip-c", 0.40m, 1.00m);

        Assert.Equal(new BudgetCharge(true, 0.40m, 1.00m), a);
        Assert.Equal(new BudgetCharge(true, 0.40m, 1.00m), aAgain);
        Assert.Equal(new BudgetCharge(true, 0.80m, 1.00m), b);
        Assert.Equal(new BudgetCharge(false, 0.80m, 1.00m), c);
        Assert.Equal(new BudgetCharge(true, 0.40m, 1.00m), otherBudget);
        Assert.Equal(new BudgetCharge(true, 0.80m, 1.00m), cAfterRefund);
        Assert.Equal(0.80m, await store.ChargedAsync("batch"));
        Assert.Equal(0m, await store.ChargedAsync("nobody"));
    }

    [Fact]
    public async Task Fifty_jobs_in_several_processes_racing_a_budget_that_covers_twenty_charge_exactly_twenty()
    {
        var stores = await OpenManyAsync(4);

        // Each job asks twice, as a retried step would: still one charge per job.
        var charges = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => stores[i % stores.Count].TryChargeAsync("batch", "clip-" + (i % 50), 0.40m, 8.00m)))).WaitAsync(TimeSpan.FromSeconds(120));

        var charged = charges.Select((c, i) => (c, Job: i % 50)).Where(x => x.c.Charged).Select(x => x.Job).Distinct().ToList();
        Assert.Equal(20, charged.Count);
        Assert.Equal(8.00m, await stores[0].ChargedAsync("batch"));
        Assert.All(charges, c => Assert.True(c.TakenDollars <= 8.00m));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            (store as IDisposable)?.Dispose();
        }

        await DeleteLedgerAsync();
    }

    /// <summary>One more process's store on this test's ledger, on <see cref="Clock"/>.</summary>
    protected abstract Task<IJobStore> OpenStoreAsync();

    /// <summary>Removes this test's ledger.</summary>
    protected abstract Task DeleteLedgerAsync();

    private static JobRecord NewJob(string key) => new()
    {
        Key = key,
        Provider = "APIMart",
        State = JobState.Created,
        Request = """{"model":"MiniMax-Hailuo-02","prompt":"a cat"}""",
        CreatedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
    };

    private async Task<IJobStore> OpenAsync()
    {
        var store = await OpenStoreAsync();
        _opened.Add(store);
        return store;
    }

    private async Task<IReadOnlyList<IJobStore>> OpenManyAsync(int count)
    {
        var stores = new List<IJobStore>();
        for (var i = 0; i < count; i++)
        {
            stores.Add(await OpenAsync());
        }

        return stores;
    }
}
