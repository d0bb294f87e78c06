using System.Text.Json.Serialization;

namespace Hailuo.Contracts.Transport;

/// <summary>Source-generated JSON for every body the client writes or reads: no reflection, trimming-safe.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(VideoGenerationRequest))]
[JsonSerializable(typeof(ApiMartSubmitAnswer))]
[JsonSerializable(typeof(ApiMartTaskAnswer))]
[JsonSerializable(typeof(ApiMartAnswer))]
[JsonSerializable(typeof(MiniMaxAnswer))]
internal sealed partial class HailuoJsonContext : JsonSerializerContext
{
}
