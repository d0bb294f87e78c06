using System.Text.Json;
using System.Text.Json.Serialization;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>The request as the ledger keeps it: its wire fields as JSON.</summary>
internal static class RequestJson
{
    public static string Write(VideoGenerationRequest request) => JsonSerializer.Serialize(request, JobJsonContext.Default.VideoGenerationRequest);

    public static VideoGenerationRequest Read(string json) =>
        JsonSerializer.Deserialize(json, JobJsonContext.Default.VideoGenerationRequest) ?? throw new InvalidDataException("The ledger holds an empty request.");
}

/// <summary>Source-generated JSON for the ledger's request column.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VideoGenerationRequest))]
internal sealed partial class JobJsonContext : JsonSerializerContext;
