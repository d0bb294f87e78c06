namespace Hailuo.Contracts;

/// <summary>Stable error codes of the generated validators; messages may change, these do not.</summary>
public static class ValidationCodes
{
    /// <summary>Model missing or not offered by the provider.</summary>
    public const string Model = "HAILUO_MODEL";

    /// <summary>The model does not offer the input mode.</summary>
    public const string Mode = "HAILUO_MODE";

    /// <summary>The model and mode do not offer the resolution.</summary>
    public const string Resolution = "HAILUO_RESOLUTION";

    /// <summary>The resolution x duration pair is not allowed.</summary>
    public const string ResolutionDuration = "HAILUO_RESOLUTION_DURATION";

    /// <summary>The prompt is missing or too long.</summary>
    public const string Prompt = "HAILUO_PROMPT";

    /// <summary>A camera bracket is malformed, too full, or names an unknown command.</summary>
    public const string Camera = "HAILUO_CAMERA";

    /// <summary>An image is missing where the mode needs it, present where it does not, or not in URL or data-URL form.</summary>
    public const string Image = "HAILUO_IMAGE";

    /// <summary>The callback URL is not an absolute http(s) URL.</summary>
    public const string CallbackUrl = "HAILUO_CALLBACK_URL";
}
