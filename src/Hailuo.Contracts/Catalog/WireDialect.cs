namespace Hailuo.Contracts;

/// <summary>Which wire format a provider speaks.</summary>
public enum WireDialect
{
    /// <summary>APIMart: submit and status, the endpoints the spec's apimart dialect lists.</summary>
    ApiMart,

    /// <summary>MiniMax: submit, status and file retrieve, the endpoints the spec's minimax dialect lists.</summary>
    MiniMax,
}
