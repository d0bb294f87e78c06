using Xunit;

namespace Hailuo.Contracts.Tests;

/// <summary>The rule core's bracket scan, alone, over edges a scan by index can get wrong; the commands are a fixed list, not the spec's.</summary>
public sealed class CameraRuleTests
{
    private static readonly string[] Commands = { "Pan left", "Zoom in", "Shake", "Tracking shot" };

    private static string[] Problems(string prompt) =>
        CameraRule.Problems(prompt, Commands, maxPerBracket: 3)
            .Select(p => $"{p.Kind} {p.Bracket.Number} '{p.Bracket.Text}'" + (p.Command is null ? string.Empty : $" '{p.Command}'"))
            .ToArray();

    [Theory]
    [InlineData("")]
    [InlineData("A cat runs")]
    [InlineData("[Pan left] at the start")]
    [InlineData("at the end [Zoom in]")]
    [InlineData("[Pan left]")]
    [InlineData("[Pan left][Zoom in]")]
    [InlineData("A [ pan LEFT ,  Zoom In ] cat")]
    [InlineData("A [\tPan left,\nShake\r\n] cat")]
    [InlineData("A cat ] runs")]
    [InlineData("[Pan left, Zoom in, Shake] A cat runs [Tracking shot, Pan left, Zoom in]")]
    public void Well_formed_brackets_have_no_problem(string prompt)
    {
        Assert.Empty(Problems(prompt));
    }

    [Theory]
    [InlineData("[", "Unclosed 1 '['")]
    [InlineData("A cat [", "Unclosed 1 '['")]
    [InlineData("A cat [Pan left", "Unclosed 1 '[Pan left'")]
    [InlineData("] A cat [Pan left", "Unclosed 1 '[Pan left'")]
    [InlineData("A [Pan left [Zoom in] B", "Unclosed 1 '[Pan left '")]
    [InlineData("[[Zoom in]]", "Unclosed 1 '['")]
    public void A_bracket_without_its_close_is_unclosed_up_to_the_next_open_or_the_end(string prompt, string expected)
    {
        Assert.Equal(new[] { expected }, Problems(prompt));
    }

    [Theory]
    [InlineData("A []", "Unknown 1 '[]' ''")]
    [InlineData("A [ ]", "Unknown 1 '[ ]' ''")]
    [InlineData("A [Pan left,]", "Unknown 1 '[Pan left,]' ''")]
    [InlineData("A [,Pan left]", "Unknown 1 '[,Pan left]' ''")]
    [InlineData("A [Pan left,,Zoom in]", "Unknown 1 '[Pan left,,Zoom in]' ''")]
    [InlineData("A [Pan  left]", "Unknown 1 '[Pan  left]' 'Pan  left'")]
    [InlineData("A [Pan lefty]", "Unknown 1 '[Pan lefty]' 'Pan lefty'")]
    [InlineData("A [Pan lef]", "Unknown 1 '[Pan lef]' 'Pan lef'")]
    [InlineData("A [ Orbit right ]", "Unknown 1 '[ Orbit right ]' 'Orbit right'")]
    public void An_empty_or_unknown_command_is_named_trimmed(string prompt, string expected)
    {
        Assert.Equal(new[] { expected }, Problems(prompt));
    }

    [Fact]
    public void Too_many_commands_come_before_the_unknown_ones_of_the_same_bracket()
    {
        Assert.Equal(
            new[] { "TooMany 1 '[Pan left, Orbit, Zoom in, Spin]'", "Unknown 1 '[Pan left, Orbit, Zoom in, Spin]' 'Orbit'", "Unknown 1 '[Pan left, Orbit, Zoom in, Spin]' 'Spin'" },
            Problems("[Pan left, Orbit, Zoom in, Spin]"));
    }

    [Fact]
    public void Brackets_are_numbered_in_order_counting_good_and_unclosed_ones()
    {
        Assert.Equal(
            new[] { "Unknown 2 '[Orbit right]' 'Orbit right'", "Unclosed 3 '[Zoom in '", "Unknown 5 '[Spin]' 'Spin'", "Unclosed 6 '[Shake'" },
            Problems("[Pan left] A [Orbit right] cat [Zoom in [Shake] runs [Spin] [Shake"));
    }

    [Fact]
    public void A_problem_bracket_carries_its_position_and_trimmed_commands()
    {
        var problem = CameraRule.Problems("A cat [ Pan left ,Orbit, Zoom in , Shake ]", Commands, maxPerBracket: 3)[0];

        Assert.Equal(CameraProblemKind.TooMany, problem.Kind);
        Assert.Equal(6, problem.Bracket.Position);
        Assert.Equal(new[] { "Pan left", "Orbit", "Zoom in", "Shake" }, problem.Bracket.Commands);
        Assert.True(problem.Bracket.Closed);
    }

    [Fact]
    public void Parse_lists_every_bracket_with_its_commands()
    {
        var brackets = CameraBrackets.Parse("[Pan left, Zoom in] A [] cat [Shake");

        Assert.Equal(new[] { 0, 22, 29 }, brackets.Select(b => b.Position));
        Assert.Equal(new[] { "[Pan left, Zoom in]", "[]", "[Shake" }, brackets.Select(b => b.Text));
        Assert.Equal(new[] { "Pan left", "Zoom in" }, brackets[0].Commands);
        Assert.Equal(new[] { string.Empty }, brackets[1].Commands);
        Assert.Empty(brackets[2].Commands);
        Assert.Equal(new[] { true, true, false }, brackets.Select(b => b.Closed));
    }

    [Theory]
    [InlineData("Pan left", true)]
    [InlineData("  PAN LEFT\t", true)]
    [InlineData("Pan", false)]
    [InlineData("Pan left zoom", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    public void A_command_is_known_ignoring_case_and_surrounding_spaces(string command, bool known)
    {
        Assert.Equal(known, CameraRule.IsKnown(Commands, command));
    }

    [Fact]
    public void A_well_formed_prompt_is_checked_without_allocating()
    {
        const string prompt = "A cute cat [Pan left, Zoom in] running on the grass [Tracking shot]";
        CameraRule.Problems(prompt, Commands, 3);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var problems = CameraRule.Problems(prompt, Commands, 3);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(problems);
        Assert.Equal(0, allocated);
    }
}
