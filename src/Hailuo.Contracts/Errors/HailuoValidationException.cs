using FluentValidation.Results;

namespace Hailuo.Contracts;

/// <summary>
/// The request breaks the spec's rules: found by the generated validators before any byte was sent, or reported by the
/// service (HTTP 400, MiniMax 2013). Each failure names the wire field, the value and what is allowed.
/// </summary>
public sealed class HailuoValidationException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoValidationException()
    {
        Failures = Array.Empty<ValidationFailure>();
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoValidationException(string message)
        : base(message)
    {
        Failures = Array.Empty<ValidationFailure>();
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Failures = Array.Empty<ValidationFailure>();
    }

    /// <summary>Creates the exception from the failures, found before sending or reported by the service.</summary>
    public HailuoValidationException(string message, IReadOnlyList<ValidationFailure> failures, HailuoErrorDetails details)
        : base(message, details)
    {
        Failures = failures ?? Array.Empty<ValidationFailure>();
    }

    /// <summary>Every failure; ErrorCode is one of <see cref="ValidationCodes"/>, CustomState holds the allowed values.</summary>
    public IReadOnlyList<ValidationFailure> Failures { get; }

    /// <summary>Whether the service ever saw the request: false when the validators stopped it first.</summary>
    public bool SentToService => HttpStatus is not null;
}
