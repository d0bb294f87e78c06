using Xunit;

namespace Hailuo.Contracts.Tests;

public sealed class PromptRuleTests
{
    private static FluentValidation.Results.ValidationResult Validate(string prompt) =>
        new ApiMartRequestValidator().Validate(Requests.For("MiniMax-Hailuo-02", "text-to-video", "768p", 5, prompt));

    [Fact]
    public void A_prompt_of_exactly_the_maximum_length_is_accepted()
    {
        Assert.True(Validate(new string('a', SpecOracle.PromptMaxLength)).IsValid);
    }

    [Fact]
    public void A_prompt_one_character_over_the_maximum_is_rejected_with_its_length()
    {
        var error = Assert.Single(Validate(new string('a', SpecOracle.PromptMaxLength + 1)).Errors);

        Assert.Equal("prompt", error.PropertyName);
        Assert.Equal(ValidationCodes.Prompt, error.ErrorCode);
        Assert.Equal("'prompt' has 2,001 characters; at most 2,000 are allowed.", error.ErrorMessage);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_count_once()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F431", SpecOracle.PromptMaxLength));

        Assert.True(Validate(emoji).IsValid);
        Assert.False(Validate(emoji + "!").IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_prompt_is_rejected(string prompt)
    {
        Assert.Equal(ValidationCodes.Prompt, Assert.Single(Validate(prompt).Errors).ErrorCode);
    }

    [Fact]
    public void A_bracket_of_three_camera_commands_is_accepted()
    {
        Assert.True(Validate("A cat [Pan left, Pedestal up, Zoom in] runs").IsValid);
    }

    [Fact]
    public void A_bracket_of_four_camera_commands_is_rejected()
    {
        var error = Assert.Single(Validate("A cat [Pan left, Pedestal up, Zoom in, Shake] runs").Errors);

        Assert.Equal(ValidationCodes.Camera, error.ErrorCode);
        Assert.Equal("'prompt' camera bracket 1 '[Pan left, Pedestal up, Zoom in, Shake]' has 4 camera commands; at most 3 are allowed in one bracket.", error.ErrorMessage);
    }

    [Fact]
    public void Several_brackets_each_get_their_own_limit()
    {
        Assert.True(Validate("[Pan left, Zoom in, Shake] A cat runs [Tracking shot, Pull out, Tilt up]").IsValid);
    }

    [Fact]
    public void An_unknown_camera_command_is_rejected_with_the_known_ones()
    {
        var error = Assert.Single(Validate("The product rotates [Orbit right]").Errors);

        Assert.Equal(ValidationCodes.Camera, error.ErrorCode);
        Assert.Equal("'prompt' camera bracket 1 '[Orbit right]' has the unknown command 'Orbit right'; allowed: " + string.Join(", ", SpecOracle.CameraCommands) + ".", error.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Every_command_of_the_spec_is_known_in_any_case(string command)
    {
        Assert.True(Validate($"A cat [{command}]").IsValid);
        Assert.True(Validate($"A cat [{command.ToUpperInvariant()}]").IsValid);
    }

    public static TheoryData<string> EveryCommand() => new(SpecOracle.CameraCommands);

    [Theory]
    [InlineData("A cat [Pan left", "has no closing ']'")]
    [InlineData("A cat [Pan left [Zoom in]", "has no closing ']'")]
    [InlineData("A cat [Pan left, ]", "has an empty command")]
    [InlineData("A cat []", "has an empty command")]
    public void Malformed_brackets_are_rejected(string prompt, string expected)
    {
        var errors = Validate(prompt).Errors;

        Assert.Contains(errors, e => e.ErrorCode == ValidationCodes.Camera && e.ErrorMessage.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_typed_prompt_writes_brackets_in_order()
    {
        var prompt = Prompt.Of("A cat runs").Camera(CameraMove.PanLeft, CameraMove.ZoomIn).Camera(CameraMove.TrackingShot);

        Assert.Equal("A cat runs [Pan left, Zoom in] [Tracking shot]", prompt.ToString());
        Assert.True(Validate(prompt.ToString()).IsValid);
    }

    [Fact]
    public void The_typed_prompt_rejects_a_move_outside_the_enum()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Prompt.Of("x").Camera((CameraMove)99));

        Assert.Contains("Not a camera move", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_camera_move_renders_a_command_the_validator_knows()
    {
        foreach (var move in Enum.GetValues<CameraMove>())
        {
            Assert.True(HailuoSpec.Camera.IsKnown(move.ToCommand()), move.ToString());
        }

        Assert.Equal(SpecOracle.CameraCommands, Enum.GetValues<CameraMove>().Select(m => m.ToCommand()));
    }
}
