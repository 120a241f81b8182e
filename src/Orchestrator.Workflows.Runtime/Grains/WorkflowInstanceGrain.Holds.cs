using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>Holding, releasing and cancelling an instance: each commits one journal entry with what the handlers recorded.</summary>
public sealed partial class WorkflowInstanceGrain
{
    public Task<InstanceReply> HoldAsync(string reason, string detailsJson) => WithInstanceAsync(async state =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var at = WhereItStands(state);
        if (!FlowchartInterpreter.Hold(state, reason, now))
        {
            return state.Hold is { } hold
                ? HeldReply(state, hold)
                : new InstanceReply(ReplyKind.NotActive, state.Status, $"Instance {Id} is {state.Status}: there is nothing to hold.");
        }

        var refused = await CommitWithHandlersAsync(state, at, "Hold", JournalEvent.Held, reason, detailsJson, now,
            (handler, details) => handler.OnHeldAsync(_record!, details, now, CancellationToken.None));
        if (refused is not null)
        {
            FlowchartInterpreter.Release(state);
            return refused;
        }

        LogHeld(logger, Id, at, reason);
        return new InstanceReply(ReplyKind.Done, state.Status, OpenBookmarks: state.Bookmarks.Select(b => b.Name).ToList());
    });

    public Task<InstanceReply> ReleaseAsync(string detailsJson) => WithInstanceAsync(async state =>
    {
        if (state.Hold is not { } hold || !FlowchartInterpreter.Release(state))
        {
            return new InstanceReply(ReplyKind.NotHeld, state.Status, $"Instance {Id} is not on hold.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var at = WhereItStands(state);
        var refused = await CommitWithHandlersAsync(state, at, "Release", JournalEvent.Released, hold.Reason, detailsJson, now,
            (handler, details) => handler.OnReleasedAsync(_record!, details, now, CancellationToken.None));
        if (refused is not null)
        {
            state.Hold = hold;
            return refused;
        }

        LogReleased(logger, Id, at);

        // Back to the stage it left: a step that faulted runs again, and a timer that fell due meanwhile fires now.
        if (FlowchartInterpreter.Retry(state))
        {
            await ResolveIncidentsAsync(state);
            return null;
        }

        foreach (var due in state.Bookmarks.Where(b => b.DueAt <= now).ToList())
        {
            FlowchartInterpreter.ResumeById(state, due.Id, null);
        }

        return null;
    });

    public Task<InstanceReply> CancelAsync(string? reason) => WithInstanceAsync(async state =>
    {
        var current = state.Bookmarks.FirstOrDefault()?.ActivityId ?? state.Fault?.ActivityId ?? "-";
        if (!FlowchartInterpreter.Cancel(state))
        {
            return new InstanceReply(ReplyKind.NotActive, state.Status, $"Instance {Id} is already {state.Status}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new JournalEntry(++state.JournalSequence, current, "Cancel", JournalEvent.Cancelled, null, null, now, TimeSpan.Zero,
            reason is null ? null : new JsonObject { ["reason"] = reason }.ToJsonString(), null, null);
        await using var scope = CreateScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IInstanceCancellationHandler>())
        {
            await handler.OnCancelledAsync(_record!, now, CancellationToken.None);
        }

        await CommitInAsync(scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>(), new StepReport(entry));
        LogCancelled(logger, Id, reason);
        return new InstanceReply(ReplyKind.Done, state.Status);
    });

    /// <summary>Journals a hold or release and commits it with what the handlers recorded; a refusal commits nothing.</summary>
    private async Task<InstanceReply?> CommitWithHandlersAsync(
        InstanceState state, string at, string type, JournalEvent journalEvent, string reason, string detailsJson, DateTime now,
        Func<IInstanceHoldHandler, JsonObject, Task> notify)
    {
        JsonObject details;
        try
        {
            details = JsonNode.Parse(detailsJson) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException ex)
        {
            return new InstanceReply(ReplyKind.Rejected, state.Status, $"The details are not JSON: {ex.Message}", "details");
        }

        await using var scope = CreateScope();
        try
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IInstanceHoldHandler>())
            {
                await notify(handler, details);
            }
        }
        catch (StimulusRejectedException ex)
        {
            return new InstanceReply(ReplyKind.Rejected, state.Status, ex.Message, ex.Field);
        }

        var inputs = new JsonObject { ["reason"] = reason, ["details"] = details.DeepClone() };
        var sequence = state.JournalSequence + 1;
        var entry = new JournalEntry(sequence, at, type, journalEvent, null, null, now, TimeSpan.Zero, inputs.ToJsonString(), null, null);
        state.JournalSequence = sequence;
        try
        {
            await CommitInAsync(scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>(), new StepReport(entry));
        }
        catch
        {
            // Nothing was stored: forget the changed state so the next call reloads the row as committed.
            _record = null;
            _state = null;
            throw;
        }

        return null;
    }
}
