using Hailuo.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="HailuoClient"/> as a singleton over IHttpClientFactory.</summary>
public static class HailuoServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client uses; configure its handlers through the returned builder.</summary>
    public const string HttpClientName = "Hailuo";

    /// <summary>Registers the client with options set in code.</summary>
    public static IHttpClientBuilder AddHailuoClient(this IServiceCollection services, Action<HailuoClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<HailuoClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers the client with options bound from a configuration section, such as
    /// <c>configuration.GetSection(HailuoClientOptions.SectionName)</c>: Provider, ApiKey, BaseAddress, PollingInterval,
    /// WaitTimeout, AttemptTimeout, MaxUrlRefreshes, Retry:MaxRetryAttempts and the other retry settings.
    /// </summary>
    public static IHttpClientBuilder AddHailuoClient(this IServiceCollection services, IConfiguration configuration, Action<HailuoClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<HailuoClientOptions>().Bind(configuration);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<HailuoClientOptions>>().Value;
            var factory = provider.GetRequiredService<IHttpClientFactory>();

            // A TimeProvider registered in the container drives the client unless the options name their own.
            var clock = options.TimeProvider == TimeProvider.System ? provider.GetService<TimeProvider>() : null;
            return new HailuoClient(options, null, () => factory.CreateClient(HttpClientName), provider.GetService<ILogger<HailuoClient>>(), clock);
        });

        // Attempts are timed on the client's TimeProvider (AttemptTimeout); HttpClient's own wall-clock timeout would cut downloads.
        return services.AddHttpClient(HttpClientName).ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
    }
}
