namespace Hailuo.Contracts;

/// <summary>The account cannot pay for the task (HTTP 402, MiniMax 1008): top up the balance; nothing was created.</summary>
public sealed class HailuoInsufficientBalanceException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoInsufficientBalanceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoInsufficientBalanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoInsufficientBalanceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with what the service said.</summary>
    public HailuoInsufficientBalanceException(string message, HailuoErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
