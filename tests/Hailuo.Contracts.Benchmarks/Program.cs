using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Hailuo.Contracts.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The entry point's type, for BenchmarkSwitcher.</summary>
public partial class Program;
