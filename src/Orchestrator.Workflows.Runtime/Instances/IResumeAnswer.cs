using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// What a person's action (a resume) answers, built by the host from what the run left in its services after its last
/// commit (the order it kept tracked, the committed instance row), so the API does not read it all back. Optional: with
/// none registered, or when it answers null, the caller reads the answer from the database as before.
/// </summary>
public interface IResumeAnswer
{
    /// <summary>The answer as JSON, or null when the run's services do not hold what it needs.</summary>
    Task<string?> DescribeAsync(IServiceProvider runServices, WorkflowInstanceRecord committed, CancellationToken cancellationToken);
}
