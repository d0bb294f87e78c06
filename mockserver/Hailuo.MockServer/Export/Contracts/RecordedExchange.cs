using System.Text.Json.Nodes;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>One recorded exchange: its name (the file's), the provider it was recorded from, the request and the answer.</summary>
public sealed record RecordedExchange(string Name, string? Provider, ContractProbe Request, RecordedAnswerShape Answer);

/// <summary>An answer as the comparison sees it: status, headers (null when the recording keeps none) and the JSON body.</summary>
public sealed record RecordedAnswerShape(int Status, IReadOnlyDictionary<string, string>? Headers, JsonNode? Body);

/// <summary>Input `contract record` or `contract verify` cannot use; the message is one line naming the path or field.</summary>
public sealed class ContractInputException : Exception
{
    /// <summary>Creates the error.</summary>
    public ContractInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error.</summary>
    public ContractInputException()
    {
    }

    /// <summary>Creates the error.</summary>
    public ContractInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
