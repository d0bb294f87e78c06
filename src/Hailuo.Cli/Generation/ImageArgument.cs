using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>Turns --first-frame/--last-frame/--subject values into what the API takes: a URL as is, a local file as a checked data URL.</summary>
internal static class ImageArgument
{
    /// <summary>The wire value, or a problem naming the option, the value and what is allowed; a missing file is "not found", as for `validate`.</summary>
    public static (string? Value, RequestProblem? Problem) Resolve(string option, string? argument)
    {
        if (argument is null)
        {
            return (null, null);
        }

        if (ImageReferenceForm.IsHttpUrl(argument))
        {
            return (argument, null);
        }

        if (!File.Exists(argument))
        {
            return (null, new($"{option} '{argument}' is neither an http(s) URL nor an existing file.", ExitCode: ExitCodes.NotFound));
        }

        var inspection = ImageInspector.InspectFile(argument);
        if (!inspection.IsAllowed)
        {
            return (null, new($"{option} '{argument}': {inspection.Problem}"));
        }

        var mediaType = "image/" + inspection.Header!.Value.Format.ToSpecName();
        return (ImageReference.FromBytes(File.ReadAllBytes(argument), mediaType).Value, null);
    }
}
