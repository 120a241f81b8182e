namespace Orchestrator.Domain.Fulfilment;

public enum PickListStatus
{
    Open,
    Confirmed,
}
