using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Execution;

/// <summary>
/// The activity SPI: a descriptor for the palette and validation, and one method that runs the activity. When the
/// instance resumes a bookmark the same method runs again with <see cref="ActivityContext.Stimulus"/> set.
/// </summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    /// <summary>Runs the activity: returns the outcome port to follow, or a bookmark to wait on. Throwing faults the instance.</summary>
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);
}
