namespace Hailuo.MockServer.Wire;

/// <summary>The connection under a request, for the faults no answer can express: a reset, and a stall.</summary>
internal interface IWireConnection
{
    /// <summary>Cancelled when the client goes away.</summary>
    CancellationToken Aborted { get; }

    /// <summary>Drops the connection without an answer.</summary>
    void Reset();
}
