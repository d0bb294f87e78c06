namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>Reports synchronously on the caller's thread, unlike Progress&lt;T&gt;, so tests see reports in order.</summary>
internal sealed class InlineProgress<T> : IProgress<T>
{
    private readonly Action<T> _report;

    public InlineProgress(Action<T> report) => _report = report;

    public void Report(T value) => _report(value);
}
