namespace Hailuo.Jobs;

/// <summary>What the ledger made of a charge against a shared budget.</summary>
/// <param name="Charged">True when the job's charge is held (now, or already by an earlier call for the same job); false when it would pass the cap and nothing was taken.</param>
/// <param name="TakenDollars">Dollars the budget holds after the call, this job's charge included when <paramref name="Charged"/>.</param>
/// <param name="CapDollars">The cap the call was checked against.</param>
public sealed record BudgetCharge(bool Charged, decimal TakenDollars, decimal CapDollars);
