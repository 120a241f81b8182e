namespace Orchestrator.Domain.Orders;

/// <summary>What intake did with one platform push.</summary>
public enum IntakeOutcome
{
    Created,
    Updated,

    /// <summary>Same content as already stored: nothing changed.</summary>
    Unchanged,

    /// <summary>Older than what is stored (out-of-order delivery): ignored.</summary>
    Stale,

    /// <summary>The order is past review: the change is kept aside and flagged for a person, not applied.</summary>
    FlaggedAfterReview,

    /// <summary>Another copy of the same order in the same batch was applied instead (newer, or later on a tie).</summary>
    Duplicate,

    /// <summary>The order could not be stored as it came (the reason names the field); the rest of its batch was.</summary>
    Refused,
}
