namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>What `contract record` wrote, and what it could not record (one line each; empty when all went well).</summary>
/// <param name="Folder">The --out folder, in full.</param>
/// <param name="Files">The mapping files written, in the order their probes were sent.</param>
/// <param name="Problems">Probes without a recording: no answer through the proxy, or a secret that survived scrubbing.</param>
public sealed record ContractRecordResult(string Folder, IReadOnlyList<string> Files, IReadOnlyList<string> Problems);
