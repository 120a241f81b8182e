namespace Orchestrator.Persistence.Intake;

/// <summary>
/// Lets another part of the server act on an intake: <see cref="BeforeSaveAsync"/> may add rows that must commit in the
/// same transaction as the orders (the workflow instances they start); <see cref="AfterCommitAsync"/> runs once they did.
/// </summary>
public interface IIntakeObserver
{
    Task BeforeSaveAsync(OrchestratorDbContext context, IReadOnlyList<IntakeResult> results, CancellationToken cancellationToken);

    Task AfterCommitAsync(IReadOnlyList<IntakeResult> results, CancellationToken cancellationToken);
}
