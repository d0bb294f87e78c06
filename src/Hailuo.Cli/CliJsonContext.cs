using System.Text.Json.Serialization;
using Hailuo.Contracts;

namespace Hailuo.Cli;

/// <summary>Source-generated JSON for the request files the CLI reads.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(VideoGenerationRequest))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
