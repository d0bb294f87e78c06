using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Hailuo.Cli;

/// <summary>
/// What the parser refused, for every command at once: one line per problem naming the option, the value and what is
/// allowed, in words instead of System.CommandLine's help text and .NET type names; the exit code is invalid input.
/// </summary>
internal static class ParseErrors
{
    public static int Report(CliConsole console, ParseResult result)
    {
        foreach (var line in Describe(result))
        {
            console.Fail(ExitCodes.InvalidInput, line);
        }

        return ExitCodes.InvalidInput;
    }

    public static IReadOnlyList<string> Describe(ParseResult result)
    {
        var lines = result.UnmatchedTokens.Select(token => Unmatched(result.CommandResult, token)).ToList();
        foreach (var error in result.Errors)
        {
            // Command-level errors are the unmatched tokens above, or a missing command below.
            var line = error.SymbolResult switch
            {
                OptionResult option => OfOption(option),
                ArgumentResult { Parent: OptionResult option } => OfOption(option),
                ArgumentResult argument => OfArgument(argument),
                _ => null,
            };
            if (line is not null && !lines.Contains(line, StringComparer.Ordinal))
            {
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            var command = result.CommandResult.Command;
            lines.Add(command.Subcommands.Count > 0
                ? $"{Path(result.CommandResult)} needs a command; allowed: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}."
                : result.Errors[0].Message);
        }

        return lines;
    }

    private static string OfOption(OptionResult result)
    {
        var option = result.Option;
        var values = result.Tokens.Select(t => t.Value).ToList();
        if (values.Count == 0)
        {
            return result.Implicit
                ? $"{option.Name} is required: {option.Description}"
                : $"{option.Name} needs a value: {(option.ValueType == typeof(string) ? option.Description : Allowed(option.ValueType) + ".")}";
        }

        if (values.Count > option.Arity.MaximumNumberOfValues)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{option.Name} is given {values.Count} times ({string.Join(", ", values.Select(v => $"'{v}'"))}); it takes one value.");
        }

        return $"{option.Name} is '{string.Join(" ", values)}'; it must be {Allowed(option.ValueType)}.";
    }

    private static string OfArgument(ArgumentResult result)
    {
        var argument = result.Argument;
        var command = result.Parent is CommandResult parent ? Path(parent) : "hailuo";
        return result.Tokens.Count == 0
            ? $"{command} needs the {argument.Name} argument: {argument.Description}"
            : $"the {argument.Name} argument is '{string.Join(" ", result.Tokens.Select(t => t.Value))}'; it must be {Allowed(argument.ValueType)}.";
    }

    private static string Unmatched(CommandResult command, string token)
    {
        if (!token.StartsWith('-') && command.Command.Subcommands.Count > 0)
        {
            return $"'{token}' is not a command of {Path(command)}; allowed: {string.Join(", ", command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.";
        }

        var what = command.Command.Arguments.Count > 0 || token.StartsWith('-') ? "an option" : "an option or argument";
        return $"'{token}' is not {what} of {Path(command)}; allowed: {string.Join(", ", Options(command).Select(o => o.Name))}.";
    }

    // The options the command takes: its own, and its parents' that apply to every command (--verbose, --help).
    private static IEnumerable<Option> Options(CommandResult command)
    {
        var own = command.Command.Options.Where(o => !o.Hidden);
        var inherited = Ancestors(command).Skip(1).SelectMany(c => c.Command.Options.Where(o => o.Recursive && !o.Hidden));
        return own.Concat(inherited).DistinctBy(o => o.Name);
    }

    private static IEnumerable<CommandResult> Ancestors(CommandResult command)
    {
        for (SymbolResult? at = command; at is not null; at = at.Parent)
        {
            if (at is CommandResult result)
            {
                yield return result;
            }
        }
    }

    // "hailuo cost", whatever the process is called (tests run as testhost).
    private static string Path(CommandResult command) =>
        string.Join(" ", Ancestors(command).Reverse().Select(c => c.Parent is null ? "hailuo" : c.Command.Name));

    private static string Allowed(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(int) => string.Create(CultureInfo.InvariantCulture, $"a whole number up to {int.MaxValue}"),
            _ when underlying == typeof(long) => string.Create(CultureInfo.InvariantCulture, $"a whole number up to {long.MaxValue}"),
            _ when underlying == typeof(decimal) || underlying == typeof(double) => "a number, such as 2.50 (with a dot)",
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying.IsEnum => "one of " + string.Join(", ", Enum.GetNames(underlying)),
            _ when underlying == typeof(FileInfo) || underlying == typeof(DirectoryInfo) => "a path",
            _ => "text",
        };
    }
}
