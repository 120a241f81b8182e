namespace Orchestrator.Integrations.Runtime.Pull;

public enum PullRunKind
{
    Succeeded,
    Failed,
    NoShop,
    NotConnected,
}
