namespace Orchestrator.Workflows.Execution;

/// <summary>
/// Thrown by an activity when a resume payload is not acceptable (e.g. an unknown decision): the bookmark stays as it
/// was, nothing is recorded, and the caller gets the message back.
/// </summary>
public sealed class StimulusRejectedException : Exception
{
    public StimulusRejectedException(string message, string? field = null)
        : base(message) => Field = field;

    public StimulusRejectedException()
    {
    }

    public StimulusRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The payload field at fault, for problem details.</summary>
    public string? Field { get; }
}
