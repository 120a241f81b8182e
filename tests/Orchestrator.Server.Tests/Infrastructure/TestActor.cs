using Orchestrator.Persistence.Audit;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>An audit actor for tests below the API: the workflow's routine until told otherwise.</summary>
public sealed class TestActor : IAuditActor
{
    public string Name { get; private set; } = AuditActors.Workflow;

    public bool IsRoutine { get; private set; } = true;

    public void ActAs(string name, bool routine = false)
    {
        Name = name;
        IsRoutine = routine;
    }
}
