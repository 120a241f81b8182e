namespace Orchestrator.Workflows.Execution.ControlFlow;

/// <summary>One instance of every control-flow activity, for registries.</summary>
public static class ControlFlowSet
{
    public static IReadOnlyList<IActivity> Create() =>
        [new StartActivity(), new FinishActivity(), new DecisionActivity(), new SetVariableActivity(), new DelayActivity(), new ForkActivity(), new JoinActivity()];
}
