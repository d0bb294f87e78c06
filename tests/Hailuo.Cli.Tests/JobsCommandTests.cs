using Hailuo.Contracts;
using Hailuo.Jobs;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>`hailuo jobs list | show | settle` on a SQLite ledger the test writes.</summary>
public sealed class JobsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-jobs").FullName;

    private string Store => Path.Combine(_directory, "jobs.db");

    [Fact]
    public async Task List_and_show_print_the_jobs_and_never_the_callback_secret()
    {
        await Add("clip-1", JobState.OutcomeUnknown);
        await Add("clip-2", JobState.Stored, "task_01K8SGYNNNVBQTXNR4MM964S7K");

        var (listed, list, _) = await CliRun.Run("jobs", "list", "--store", Store);
        var (shown, show, _) = await CliRun.Run("jobs", "show", "clip-1", "--store", Store);

        Assert.Equal(0, listed);
        Assert.Contains("clip-1  outcome unknown  -  submits 1  $0.20", list, StringComparison.Ordinal);
        Assert.Contains("clip-2  stored  task_01K8SGYNNNVBQTXNR4MM964S7K", list, StringComparison.Ordinal);
        Assert.Contains("2 jobs: 1 stored, 1 outcome unknown", list, StringComparison.Ordinal);
        Assert.Equal(0, shown);
        Assert.Contains("state: outcome unknown", show, StringComparison.Ordinal);
        Assert.Contains("--task-id ID: ", show, StringComparison.Ordinal);
        Assert.Contains("--failed: nothing more is sent or paid", show, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", show + list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settle_adopts_a_well_formed_task_id_and_refuses_a_path_like_one()
    {
        await Add("clip-1", JobState.OutcomeUnknown);

        var (refused, _, refusal) = await CliRun.Run("jobs", "settle", "clip-1", "--store", Store, "--task-id", "../../__admin/hailuo/reset?x=");
        var (adopted, output, _) = await CliRun.Run("jobs", "settle", "clip-1", "--store", Store, "--task-id", "task_01K8SGYNNNVBQTXNR4MM964S7K");

        Assert.Equal(2, refused);
        Assert.Contains("--task-id '../../__admin/hailuo/reset?x=' is not a task id of APIMart", refusal, StringComparison.Ordinal);
        Assert.Equal(0, adopted);
        Assert.Contains("job clip-1 has task task_01K8SGYNNNVBQTXNR4MM964S7K", output, StringComparison.Ordinal);
        var job = await Find("clip-1");
        Assert.Equal(JobState.Submitted, job.State);
        Assert.Equal("task_01K8SGYNNNVBQTXNR4MM964S7K", job.TaskId);
    }

    [Fact]
    public async Task Settle_on_a_job_that_is_not_outcome_unknown_is_one_line_and_exit_2_and_changes_nothing()
    {
        var stored = await Add("clip-2", JobState.Stored, "task_01K8SGYNNNVBQTXNR4MM964S7K");

        var (exit, _, error) = await CliRun.Run("jobs", "settle", "clip-2", "--store", Store, "--failed");

        Assert.Equal(2, exit);
        Assert.Equal("error: job clip-2 is Stored with task task_01K8SGYNNNVBQTXNR4MM964S7K, not \"outcome unknown\": only a job whose submit's outcome is unknown can be settled. Nothing changed.", error.Trim());
        Assert.Equal(stored.Version, (await Find("clip-2")).Version);
    }

    [Fact]
    public async Task Settle_without_a_choice_says_what_each_costs_and_a_missing_store_or_job_is_named()
    {
        var unknown = await Add("clip-1", JobState.OutcomeUnknown);

        var (undecided, choices, why) = await CliRun.Run("jobs", "settle", "clip-1", "--store", Store);
        var (missingJob, _, noJob) = await CliRun.Run("jobs", "settle", "nobody", "--store", Store, "--failed");
        var (missingStore, _, noStore) = await CliRun.Run("jobs", "list", "--store", Path.Combine(_directory, "none.db"));

        Assert.Equal(2, undecided);
        Assert.Contains("already paid for", choices, StringComparison.Ordinal);
        Assert.Contains("settle needs exactly one of --task-id ID or --failed", why, StringComparison.Ordinal);
        Assert.Equal(unknown.Version, (await Find("clip-1")).Version);
        Assert.Equal(8, missingJob);
        Assert.Contains("holds no job 'nobody'", noJob, StringComparison.Ordinal);
        Assert.Equal(8, missingStore);
        Assert.Contains("there is no ledger file at", noStore, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "none.db")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<JobRecord> Add(string key, JobState state, string? taskId = null)
    {
        using var store = new SqliteJobStore(Store);
        var now = DateTimeOffset.UtcNow;
        return await store.AddOrGetAsync(new JobRecord
        {
            Key = key,
            Provider = HailuoSpec.ApiMart.Name,
            State = state,
            Request = "{\"prompt\":\"A cat\"}",
            EstimatedDollars = 0.20m,
            CallbackUrl = "https://example.com/hailuo/callbacks/x/s3cret",
            TaskId = taskId,
            Submits = 1,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    private async Task<JobRecord> Find(string key)
    {
        using var store = new SqliteJobStore(Store);
        return (await store.FindAsync(key))!;
    }
}
