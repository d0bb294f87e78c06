using Hailuo.Contracts;
using Hailuo.MockServer.Wire;
using Xunit;

namespace Hailuo.MockServer.Tests;

/// <summary>The codes and status words the simulator sends mean what the spec's dialects say they mean.</summary>
public sealed class SpecAgreementTests
{
    public static TheoryData<TaskPhase, ApiMartStatusWords> PhasesAndWordSets()
    {
        var data = new TheoryData<TaskPhase, ApiMartStatusWords>();
        foreach (var phase in Enum.GetValues<TaskPhase>())
        {
            foreach (var words in Enum.GetValues<ApiMartStatusWords>())
            {
                data.Add(phase, words);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(ErrorMeanings.RateLimited)]
    [InlineData(ErrorMeanings.Authentication)]
    [InlineData(ErrorMeanings.InsufficientBalance)]
    [InlineData(ErrorMeanings.ContentPolicy)]
    [InlineData(ErrorMeanings.InvalidParameters)]
    [InlineData(ErrorMeanings.ServerError)]
    public void A_minimax_code_the_simulator_sends_has_the_meaning_the_spec_gives_it(string meaning) =>
        Assert.Equal(meaning, HailuoSpec.MiniMaxDialect.ErrorCodes[SpecWords.MiniMaxCode(meaning)]);

    [Fact]
    public void A_meaning_the_spec_gives_no_code_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SpecWords.MiniMaxCode("teapot"));

        Assert.Contains("\"teapot\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PhasesAndWordSets))]
    public void Every_status_word_the_simulator_writes_means_its_phase_in_the_spec(TaskPhase phase, ApiMartStatusWords words)
    {
        var meaning = phase.ToString().ToUpperInvariant();

        // APIMart's status page has no word before processing but "pending", which the spec reads as queued.
        var apiMartMeaning = (phase, words) == (TaskPhase.Submitted, ApiMartStatusWords.StatusPage) ? "QUEUED" : meaning;
        Assert.Equal(apiMartMeaning, HailuoSpec.ApiMartDialect.StatusMeaning(SpecWords.ApiMartStatus(phase, words))?.ToUpperInvariant());
        Assert.Equal(meaning, HailuoSpec.MiniMaxDialect.StatusMeaning(SpecWords.MiniMaxStatus(phase))?.ToUpperInvariant());
    }

    [Theory]
    [InlineData(ApiMartStatusWords.StatusPage, TaskPhase.Submitted)]
    [InlineData(ApiMartStatusWords.StatusPage, TaskPhase.Queued)]
    [InlineData(ApiMartStatusWords.Seed002, TaskPhase.Completed)]
    public void A_documented_word_set_writes_the_specs_other_word_where_it_differs_from_the_design_card(ApiMartStatusWords words, TaskPhase phase) =>
        Assert.NotEqual(SpecWords.ApiMartStatus(phase, ApiMartStatusWords.DesignCard), SpecWords.ApiMartStatus(phase, words));

    [Fact]
    public void The_default_url_lifetime_and_callback_window_are_the_specs()
    {
        var options = new SimulatorOptions();

        Assert.Equal((HailuoSpec.Tasks.DownloadUrlLifetime, HailuoSpec.Tasks.CallbackChallenge), (options.UrlLifetime, options.CallbackTimeout));
    }
}
