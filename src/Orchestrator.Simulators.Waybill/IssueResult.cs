namespace Orchestrator.Simulators.Waybill;

/// <summary>What the ledger did with a request: issued a number, returned the key's number again, or refused a cancelled key.</summary>
public enum IssueResult
{
    Issued,
    Repeated,
    KeyCancelled,
}
