using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Hailuo.Contracts.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tests/Hailuo.Contracts.Benchmarks -- alloc-profile [refit|validate]: bytes per submit + poll (or per validation alone) by type
if (args is ["alloc-profile", ..])
{
    await Hailuo.Contracts.Benchmarks.AllocationProfile.RunAsync(args.Length > 1 ? args[1] : "client");
    return;
}

// dotnet run -c Release --project tests/Hailuo.Contracts.Benchmarks -- alternate: Refit's own client and HailuoClient in alternating batches
if (args is ["alternate", ..])
{
    await Hailuo.Contracts.Benchmarks.AlternatingTiming.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The entry point's type, for BenchmarkSwitcher.</summary>
public partial class Program;
