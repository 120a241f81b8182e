using System.Text.Json.Nodes;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Tests.Execution;

/// <summary>Waits on the bookmark named by its <c>bookmark</c> input; a resume whose payload has <c>"ok": false</c> is refused.</summary>
internal sealed class WaitActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("Wait", "Test", "Wait",
        [new InputDescriptor("bookmark", "Bookmark", InputType.Text, IsRequired: true)], ["Done"], SuspendsOnBookmark: true);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Stimulus is null)
        {
            return ValueTask.FromResult(ActivityResult.Wait(context.TextInput("bookmark")!));
        }

        if (context.Stimulus.Input?["ok"]?.GetValue<bool>() == false)
        {
            throw new StimulusRejectedException("not ok", "ok");
        }

        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>A side effect: records the idempotency key it was called with, and throws while <see cref="FailuresLeft"/> &gt; 0.</summary>
internal sealed class SideEffectActivity : IActivity
{
    public List<string> Calls { get; } = [];

    public int FailuresLeft { get; set; }

    public ActivityDescriptor Descriptor { get; } = new("SideEffect", "Test", "Side effect", [], ["Done"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Calls.Add(context.IdempotencyKey);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("The outside world is down.");
        }

        return ValueTask.FromResult(ActivityResult.Follow("Done", new JsonObject { ["key"] = context.IdempotencyKey }));
    }
}
