using Xunit;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>Options: factories, validation, and a ToString that never shows the key.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void The_factories_choose_the_provider_and_its_production_address()
    {
        using var apiMart = new HailuoClient(HailuoClientOptions.ApiMart("sk-a"), new HttpClient());
        using var miniMax = new HailuoClient(HailuoClientOptions.MiniMax("sk-m"), new HttpClient());

        Assert.Equal((HailuoSpec.ApiMart, new Uri("https://api.apimart.ai")), (apiMart.Provider, apiMart.BaseAddress));
        Assert.Equal((HailuoSpec.MiniMax, new Uri("https://api.minimax.io")), (miniMax.Provider, miniMax.BaseAddress));
    }

    [Fact]
    public void The_options_ToString_says_whether_a_key_is_set_but_never_shows_it()
    {
        var options = HailuoClientOptions.MiniMax("sk-secret-value");

        Assert.DoesNotContain("sk-secret-value", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("key set", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Replicate")]
    [InlineData("")]
    public void An_unknown_provider_is_refused_naming_the_known_ones(string provider)
    {
        var error = Assert.Throws<ArgumentException>(() => new HailuoClient(new HailuoClientOptions { Provider = provider, ApiKey = "k" }, new HttpClient()));

        Assert.Contains("APIMart, MiniMax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_polling_interval_is_refused()
    {
        var options = HailuoClientOptions.ApiMart("k");
        options.PollingInterval = TimeSpan.Zero;

        Assert.Throws<ArgumentException>(() => new HailuoClient(options, new HttpClient()));
    }
}
