using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>Delay timers as Orleans reminders, armed from the open bookmarks.</summary>
public sealed partial class WorkflowInstanceGrain
{
    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (!reminderName.StartsWith(TimerPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var bookmarkId = reminderName[TimerPrefix.Length..];
        await WithInstanceAsync(state =>
        {
            if (!state.Bookmarks.Any(b => b.Id == bookmarkId))
            {
                return Task.FromResult<InstanceReply?>(new InstanceReply(ReplyKind.NoSuchBookmark, state.Status));
            }

            return Task.FromResult(Refusal(FlowchartInterpreter.ResumeById(state, bookmarkId, null), state, bookmarkId));
        });

        // Whatever happened, this timer has fired: a bookmark still open under this id is re-armed by SyncTimersAsync.
        if (_state?.Bookmarks.Any(b => b.Id == bookmarkId) != true)
        {
            await DisarmAsync(reminderName);
        }
    }

    /// <summary>Arms a reminder per open timer bookmark and drops reminders whose bookmark is gone.</summary>
    private async Task SyncTimersAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = _state!.Bookmarks.Where(b => b.DueAt is not null).ToDictionary(b => TimerPrefix + b.Id, b => b.DueAt!.Value);
        foreach (var (name, due) in wanted)
        {
            if (!_armed.Contains(name))
            {
                var dueIn = due - now;
                await this.RegisterOrUpdateReminder(name, dueIn < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : dueIn, TimeSpan.FromMinutes(1));
                _armed.Add(name);
            }
        }

        foreach (var name in _armed.Where(n => !wanted.ContainsKey(n)).ToList())
        {
            await DisarmAsync(name);
        }
    }

    private async Task DisarmAsync(string name)
    {
        _armed.Remove(name);
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
