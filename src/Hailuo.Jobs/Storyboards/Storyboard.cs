using System.Text.Json.Serialization;

namespace Hailuo.Jobs;

/// <summary>How a storyboard's clips relate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StoryboardMode>))]
public enum StoryboardMode
{
    /// <summary>The last frame of clip k is the first frame of clip k+1 (image-to-video); clips run one after another.</summary>
    Chained,

    /// <summary>Clips are unrelated and submitted concurrently.</summary>
    Independent,
}

/// <summary>A film as shots on one model, resolution and clip duration; its JSON Schema is spec/storyboard.schema.json.</summary>
public sealed class Storyboard
{
    /// <summary>Model id, such as "MiniMax-Hailuo-02".</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>Resolution of every clip, such as "1080p".</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; set; }

    /// <summary>Seconds of each clip; the spec's matrix says which the model allows at the resolution (1080p: 5).</summary>
    [JsonPropertyName("duration")]
    public int? Duration { get; set; }

    /// <summary>Chained (default) or independent.</summary>
    [JsonPropertyName("mode")]
    public StoryboardMode Mode { get; set; } = StoryboardMode.Chained;

    /// <summary>The shots, in film order.</summary>
    [JsonPropertyName("shots")]
    public IList<Shot> Shots { get; set; } = new List<Shot>();

    /// <summary>
    /// One prompt for <paramref name="totalSeconds"/>: as many clips of the longest duration the model allows at the
    /// resolution as the length needs (1080p: 5-second shots).
    /// </summary>
    public static Storyboard Repeat(string prompt, int totalSeconds, string model, string resolution, int clipSeconds, StoryboardMode mode = StoryboardMode.Chained)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clipSeconds, 1);
        var board = new Storyboard { Model = model, Resolution = resolution, Duration = clipSeconds, Mode = mode };
        for (var i = 0; i < (totalSeconds + clipSeconds - 1) / clipSeconds; i++)
        {
            board.Shots.Add(new Shot { Prompt = prompt });
        }

        return board;
    }
}

/// <summary>One shot: a prompt, camera moves and optional images.</summary>
public sealed class Shot
{
    /// <summary>What the shot shows.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    /// <summary>Camera moves in the spec's words, such as "Pan left"; written into the prompt in brackets.</summary>
    [JsonPropertyName("camera")]
    public IList<string> Camera { get; set; } = new List<string>();

    /// <summary>First frame (URL or data URL); in chained mode only the first shot may set it.</summary>
    [JsonPropertyName("firstFrameImage")]
    public string? FirstFrameImage { get; set; }

    /// <summary>Last frame (URL or data URL): makes the shot first-and-last-frame.</summary>
    [JsonPropertyName("lastFrameImage")]
    public string? LastFrameImage { get; set; }

    /// <summary>The take the film uses (1 is the first render); the newest take when missing. It must be in the ledger.</summary>
    [JsonPropertyName("take")]
    public int? Take { get; set; }
}
