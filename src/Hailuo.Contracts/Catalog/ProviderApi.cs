using Hailuo.Contracts.Transport;
using Refit;

namespace Hailuo.Contracts;

/// <summary>
/// How a <see cref="HailuoClient"/> reaches a provider's generated Refit interface. The generated catalog makes one per
/// provider, handing one delegate per endpoint, because the runtime cannot name a consumer's interface (docs/REFIT.md).
/// </summary>
public sealed class ProviderApi
{
    private readonly Func<HttpClient, RefitSettings, TimeProvider, IDialectCalls> _create;

    private ProviderApi(Type interfaceType, Func<HttpClient, RefitSettings, TimeProvider, IDialectCalls> create)
    {
        InterfaceType = interfaceType;
        _create = create;
    }

    /// <summary>The generated Refit interface, such as <c>IApiMartVideoApi</c>.</summary>
    public Type InterfaceType { get; }

    /// <summary>An apimart-dialect provider: its interface's submit and status methods.</summary>
    public static ProviderApi ApiMart<TApi>(
        Func<TApi, VideoGenerationRequest, string, CancellationToken, Task<ApiResponse<ApiMartSubmitAnswer>>> submit,
        Func<TApi, string, string, CancellationToken, Task<ApiResponse<ApiMartTaskAnswer>>> getTask)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(getTask);
        return new(typeof(TApi), (http, settings, clock) => new ApiMartCalls<TApi>(RestService.For<TApi>(http, settings), clock, submit, getTask));
    }

    /// <summary>A minimax-dialect provider: its interface's submit, status and file-retrieve methods.</summary>
    public static ProviderApi MiniMax<TApi>(
        Func<TApi, VideoGenerationRequest, string, CancellationToken, Task<ApiResponse<MiniMaxAnswer>>> submit,
        Func<TApi, string, string, CancellationToken, Task<ApiResponse<MiniMaxAnswer>>> getTask,
        Func<TApi, string, string, CancellationToken, Task<ApiResponse<MiniMaxAnswer>>> retrieveFile)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(getTask);
        ArgumentNullException.ThrowIfNull(retrieveFile);
        return new(typeof(TApi), (http, settings, clock) => new MiniMaxCalls<TApi>(RestService.For<TApi>(http, settings), clock, submit, getTask, retrieveFile));
    }

    /// <inheritdoc/>
    public override string ToString() => InterfaceType.Name;

    internal IDialectCalls Create(HttpClient http, RefitSettings settings, TimeProvider clock) => _create(http, settings, clock);
}
