namespace Hailuo.Jobs;

/// <summary>
/// A spending cap kept in the ledger under <paramref name="Name"/>, so it holds across every process sharing the store:
/// each job is charged once (by key) before its submit, and a job past the cap fails without any request.
/// </summary>
/// <param name="Name">The budget's name in the ledger, such as "catalogue-2026-12".</param>
/// <param name="CapDollars">The cap in US dollars.</param>
public sealed record SharedBudget(string Name, decimal CapDollars);
