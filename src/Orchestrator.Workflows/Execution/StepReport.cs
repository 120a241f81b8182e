namespace Orchestrator.Workflows.Execution;

/// <summary>What one interpreter step did: at most one journal entry, and a fault or a rejected stimulus if any.</summary>
public sealed record StepReport(JournalEntry? Entry, Exception? Fault = null, StimulusRejectedException? Rejected = null);
