namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>One request `contract record` sends: its name (the recording's file name), what it sends and with which key.</summary>
/// <param name="Name">Short name in the API's words, such as "unknown-task"; also the file name of its recording.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="PathAndQuery">Relative to the base URL, such as "/v1/tasks/task_x".</param>
/// <param name="Body">The JSON body of a POST, or null.</param>
/// <param name="Key">Which key goes in the Authorization header.</param>
public sealed record ContractProbe(string Name, string Method, string PathAndQuery, string? Body, ProbeKey Key)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Method} {PathAndQuery})";
}

/// <summary>The key a probe is sent with; recordings keep only this word, never the key.</summary>
public enum ProbeKey
{
    /// <summary>The team's own key (recording) or a key the simulator accepts (verify).</summary>
    Account,

    /// <summary>A key no account has, so the answer is the provider's authentication error.</summary>
    Wrong,
}
