using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Workflows.Tests.Execution;

/// <summary>Runs one instance in memory the way the grain does: step, then "persist" (keep the journal) after each step.</summary>
internal sealed class Harness
{
    private readonly FlowchartInterpreter _interpreter;
    private readonly ExecutableWorkflow _workflow;

    public Harness(string activitiesJson, string connectionsJson, IServiceProvider? services = null, TimeProvider? clock = null)
    {
        Registry = new ActivityRegistry([.. ControlFlowSet.Create(), new WaitActivity(), SideEffect]);
        var json = $$"""{ "definitionId": "test", "root": { "type": "Flowchart", "activities": {{activitiesJson}}, "connections": {{connectionsJson}} } }""";
        Definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowJson.Options)!;
        _workflow = new ExecutableWorkflow(Definition, Registry);
        Clock = clock ?? TimeProvider.System;
        _interpreter = new FlowchartInterpreter(Registry, Clock);
        Services = services ?? new EmptyServices();
        State = FlowchartInterpreter.Create(_workflow, new Dictionary<string, JsonNode?>());
    }

    public SideEffectActivity SideEffect { get; } = new();

    public ActivityRegistry Registry { get; }

    public WorkflowDefinition Definition { get; }

    public TimeProvider Clock { get; }

    public IServiceProvider Services { get; }

    public FlowchartInterpreter Interpreter => _interpreter;

    public InstanceState State { get; set; }

    public Guid InstanceId { get; } = Guid.NewGuid();

    public List<JournalEntry> Journal { get; } = [];

    public IEnumerable<string> Executed => Journal.Select(j => $"{j.ActivityId}:{j.Event}{(j.Outcome is null ? "" : ":" + j.Outcome)}");

    public async Task<StimulusRejectedException?> RunAsync() =>
        await _interpreter.RunAsync(_workflow, State, InstanceId, Services, report =>
        {
            if (report.Entry is not null)
            {
                Journal.Add(report.Entry);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);

    public async Task<StimulusRejectedException?> ResumeAsync(string bookmark, JsonNode? input = null)
    {
        Assert.Equal(ResumeAttempt.Accepted, FlowchartInterpreter.Resume(State, bookmark, null, input));
        return await RunAsync();
    }

    public Task<StepReport?> StepAsync() => _interpreter.StepAsync(_workflow, State, InstanceId, Services, CancellationToken.None);

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
