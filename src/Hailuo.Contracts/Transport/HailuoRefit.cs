using Refit;

namespace Hailuo.Contracts;

/// <summary>Refit settings for the generated interfaces: the client's own JSON (snake_case, nulls left out), as HailuoClient sends it.</summary>
public static class HailuoRefit
{
    /// <summary>New settings for <c>RestService.For</c>, <c>ForGenerated</c> or <c>AddRefitGeneratedClient</c>; a new instance each call, since settings are mutable.</summary>
    public static RefitSettings CreateSettings() => new(new SystemTextJsonContentSerializer(Transport.HailuoJsonContext.Default.Options)) { Buffered = true };
}
