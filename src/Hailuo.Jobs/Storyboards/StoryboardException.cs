namespace Hailuo.Jobs;

/// <summary>A storyboard cannot be planned as written; the message names the field, the value and what is allowed.</summary>
public sealed class StoryboardException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public StoryboardException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoryboardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoryboardException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
