using Hailuo.Contracts;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>What `contract record` sends, where, with which key, and where its recordings go.</summary>
public sealed class ContractRecordOptions
{
    /// <summary>The provider whose dialect the probes speak.</summary>
    public required ProviderInfo Provider { get; init; }

    /// <summary>Where the probes go: the provider's production URL, or a simulator or stand-in.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The team's key, from the provider's environment variable; scrubbed from every file.</summary>
    public required string? ApiKey { get; init; }

    /// <summary>The folder the mapping files go to; nothing is written anywhere else.</summary>
    public required string OutFolder { get; init; }

    /// <summary>Adds the provider's cheapest real render (submit, status until done, file), priced before anything is sent.</summary>
    public bool SpendCheapest { get; init; }

    /// <summary>Lets --spend-cheapest render a clip whose price the spec does not publish: only against a simulator, which charges nothing.</summary>
    public bool AllowUnpublishedPrice { get; init; }

    /// <summary>The clock the render's status polls wait on; tests give a simulator's clock driver.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long the render is polled before its last status is recorded as it stands (default: twice the spec's longest render).</summary>
    public TimeSpan? RenderLimit { get; init; }

    /// <summary>Where progress lines go, one per probe.</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>How long the check that something listens at <see cref="BaseUrl"/> may take, in real time.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
