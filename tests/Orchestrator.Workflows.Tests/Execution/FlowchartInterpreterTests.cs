using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Workflows.Tests.Execution;

public class FlowchartInterpreterTests
{
    private static string Link(string from, string port, string to) =>
        $$"""{ "source": { "activity": "{{from}}", "port": "{{port}}" }, "target": { "activity": "{{to}}" } }""";

    private static string Links(params string[] links) => "[" + string.Join(",", links) + "]";

    [Fact]
    public async Task Start_then_finish_finishes_with_a_journal_entry_per_activity()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "end", "type": "Finish" }]""", Links(Link("start", "Done", "end")));

        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.Equal(["start:Completed:Done", "end:Completed:Done"], run.Executed);
        Assert.Equal([1, 2], run.Journal.Select(j => j.Sequence));
    }

    [Fact]
    public async Task A_branch_that_simply_ends_finishes_the_instance_without_a_Finish()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }]""", "[]");

        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
    }

    [Theory]
    [InlineData("gt", "100", "True")]
    [InlineData("le", "100", "False")]
    [InlineData("eq", "\"250.5\"", "True")]
    [InlineData("in", "[1, 250.5]", "True")]
    [InlineData("isEmpty", "null", "False")]
    public async Task Decision_follows_the_port_its_condition_picks(string op, string right, string expected)
    {
        var run = new Harness($$"""
            [{ "id": "start", "type": "Start" },
             { "id": "set", "type": "SetVariable", "variable": "payment", "value": 250.5 },
             { "id": "big", "type": "Decision", "condition": { "left": "variables.payment", "operator": "{{op}}", "right": {{right}} } },
             { "id": "yes", "type": "Finish" }, { "id": "no", "type": "Finish" }]
            """, Links(Link("start", "Done", "set"), Link("set", "Done", "big"), Link("big", "True", "yes"), Link("big", "False", "no")));

        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.Contains($"big:Completed:{expected}", run.Executed);
        Assert.Contains(expected == "True" ? "yes:Completed:Done" : "no:Completed:Done", run.Executed);
    }

    [Fact]
    public async Task Decision_contains_ignores_case_and_reads_chinese_text()
    {
        var run = new Harness("""
            [{ "id": "start", "type": "Start" },
             { "id": "set", "type": "SetVariable", "variable": "message", "value": "请开发票 Invoice" },
             { "id": "d", "type": "Decision", "condition": { "left": "variables.message", "operator": "contains", "right": "发票" } },
             { "id": "d2", "type": "Decision", "condition": { "left": "variables.message", "operator": "contains", "right": "INVOICE" } }]
            """, Links(Link("start", "Done", "set"), Link("set", "Done", "d"), Link("d", "True", "d2")));

        await run.RunAsync();

        Assert.Equal(["start:Completed:Done", "set:Completed:Done", "d:Completed:True", "d2:Completed:True"], run.Executed);
    }

    [Fact]
    public async Task Decision_on_an_unknown_field_faults_with_a_message_naming_it()
    {
        var run = new Harness("""
            [{ "id": "start", "type": "Start" }, { "id": "d", "type": "Decision", "condition": { "left": "order.payment", "operator": "gt", "right": 1 } }]
            """, Links(Link("start", "Done", "d")));

        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Faulted, run.State.Status);
        Assert.Equal("d", run.State.Fault!.ActivityId);
        Assert.Contains("order.payment", run.State.Fault.Message, StringComparison.Ordinal);
        Assert.Equal(JournalEvent.Faulted, run.Journal[^1].Event);
    }

    [Fact]
    public async Task SetVariable_stores_the_value_for_later_activities()
    {
        var run = new Harness("""
            [{ "id": "start", "type": "Start" }, { "id": "set", "type": "SetVariable", "variable": "tier", "value": { "name": "gold" } }]
            """, Links(Link("start", "Done", "set")));

        await run.RunAsync();

        Assert.Equal("gold", run.State.Variables["tier"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delay_suspends_on_a_timer_bookmark_due_after_the_duration_and_resumes_to_Done()
    {
        var run = new Harness("""
            [{ "id": "start", "type": "Start" }, { "id": "wait", "type": "Delay", "duration": "00:30:00" }, { "id": "end", "type": "Finish" }]
            """, Links(Link("start", "Done", "wait"), Link("wait", "Done", "end")));
        var before = DateTime.UtcNow;

        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Suspended, run.State.Status);
        var timer = Assert.Single(run.State.Bookmarks);
        Assert.Equal(DelayActivity.Bookmark, timer.Name);
        Assert.InRange(timer.DueAt!.Value, before.AddMinutes(30), DateTime.UtcNow.AddMinutes(30));

        Assert.Equal(ResumeAttempt.Accepted, FlowchartInterpreter.ResumeById(run.State, timer.Id, null));
        await run.RunAsync();
        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
    }

    [Theory]
    [InlineData("PT5S", 5)]
    [InlineData("00:01:00", 60)]
    public void Delay_reads_both_duration_spellings(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DelayActivity.ParseDuration(text));

    private const string ForkJoin = """
        [{ "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork" },
         { "id": "a", "type": "Wait", "bookmark": "A" }, { "id": "b", "type": "Wait", "bookmark": "B" },
         { "id": "join", "type": "Join", "mode": "MODE" }, { "id": "after", "type": "SetVariable", "variable": "joined", "value": true },
         { "id": "end", "type": "Finish" }]
        """;

    private static string ForkJoinLinks() => Links(Link("start", "Done", "fork"), Link("fork", "Done", "a"), Link("fork", "Done", "b"),
        Link("a", "Done", "join"), Link("b", "Done", "join"), Link("join", "Done", "after"), Link("after", "Done", "end"));

    [Fact]
    public async Task Fork_runs_branches_side_by_side_and_Join_WaitAll_waits_for_every_branch()
    {
        var run = new Harness(ForkJoin.Replace("MODE", "WaitAll", StringComparison.Ordinal), ForkJoinLinks());

        await run.RunAsync();
        Assert.Equal(WorkflowStatus.Suspended, run.State.Status);
        Assert.Equal(["A", "B"], run.State.Bookmarks.Select(b => b.Name).Order());

        await run.ResumeAsync("A");
        Assert.Equal(WorkflowStatus.Suspended, run.State.Status);
        Assert.DoesNotContain("join:Completed:Done", run.Executed);

        await run.ResumeAsync("B");
        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.Single(run.Executed, e => e == "join:Completed:Done");
        Assert.Single(run.Executed, e => e == "after:Completed:Done");
    }

    [Fact]
    public async Task Join_WaitAny_continues_on_the_first_branch_and_Finish_ends_the_waits_left()
    {
        var run = new Harness(ForkJoin.Replace("MODE", "WaitAny", StringComparison.Ordinal), ForkJoinLinks());

        await run.RunAsync();
        await run.ResumeAsync("B");

        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.Empty(run.State.Bookmarks);
        Assert.Single(run.Executed, e => e == "join:Completed:Done");
    }

    [Fact]
    public async Task A_fault_leaves_the_instance_Faulted_and_retry_runs_the_activity_again_with_the_same_idempotency_key()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "call", "type": "SideEffect" }, { "id": "end", "type": "Finish" }]""",
            Links(Link("start", "Done", "call"), Link("call", "Done", "end")));
        run.SideEffect.FailuresLeft = 1;

        await run.RunAsync();
        Assert.Equal(WorkflowStatus.Faulted, run.State.Status);
        Assert.Equal(1, run.State.Fault!.Attempt);
        Assert.Equal("The outside world is down.", run.State.Fault.Message);
        Assert.Equal(ResumeAttempt.Faulted, FlowchartInterpreter.Resume(run.State, "anything", null, null));

        Assert.True(FlowchartInterpreter.Retry(run.State));
        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.Equal(2, run.SideEffect.Calls.Count);
        Assert.Equal(run.SideEffect.Calls[0], run.SideEffect.Calls[1]);
        Assert.Equal($"{run.InstanceId:N}:call:1", run.SideEffect.Calls[0]);
        Assert.False(FlowchartInterpreter.Retry(run.State));
    }

    [Fact]
    public async Task A_step_replayed_from_the_last_persisted_state_after_a_crash_uses_the_same_key_and_completed_steps_do_not_run_again()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "call", "type": "SideEffect" }, { "id": "end", "type": "Finish" }]""",
            Links(Link("start", "Done", "call"), Link("call", "Done", "end")));
        await run.StepAsync();                                                          // start completes and is persisted
        var persisted = JsonSerializer.Serialize(run.State, WorkflowJson.Options);

        await run.StepAsync();                                                          // the side effect happens, then the process dies
        run.State = JsonSerializer.Deserialize<InstanceState>(persisted, WorkflowJson.Options)!;
        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.Equal(2, run.SideEffect.Calls.Count);
        Assert.Equal(run.SideEffect.Calls[0], run.SideEffect.Calls[1]);
        Assert.DoesNotContain("start:Completed:Done", run.Executed);
    }

    [Fact]
    public async Task Entering_an_activity_again_through_a_loop_gives_it_a_new_idempotency_key()
    {
        var run = new Harness("""
            [{ "id": "start", "type": "Start" }, { "id": "call", "type": "SideEffect" }, { "id": "again", "type": "Wait", "bookmark": "Again" }]
            """, Links(Link("start", "Done", "call"), Link("call", "Done", "again"), Link("again", "Done", "call")));

        await run.RunAsync();
        await run.ResumeAsync("Again");

        Assert.Equal([$"{run.InstanceId:N}:call:1", $"{run.InstanceId:N}:call:2"], run.SideEffect.Calls);
    }

    [Fact]
    public async Task A_bookmark_resumes_once_and_a_second_stimulus_finds_nothing()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "review", "type": "Wait", "bookmark": "Review" }]""",
            Links(Link("start", "Done", "review")));
        await run.RunAsync();

        Assert.Equal(ResumeAttempt.NoSuchBookmark, FlowchartInterpreter.Resume(run.State, "Picked", null, null));
        await run.ResumeAsync("Review");

        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.Equal(ResumeAttempt.NotActive, FlowchartInterpreter.Resume(run.State, "Review", null, null));
    }

    [Fact]
    public async Task A_refused_stimulus_leaves_the_bookmark_open_and_writes_nothing()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "review", "type": "Wait", "bookmark": "Review" }]""",
            Links(Link("start", "Done", "review")));
        await run.RunAsync();
        var journalBefore = run.Journal.Count;

        var rejected = await run.ResumeAsync("Review", new JsonObject { ["ok"] = false });

        Assert.Equal("ok", rejected!.Field);
        Assert.Equal(WorkflowStatus.Suspended, run.State.Status);
        Assert.Single(run.State.Bookmarks, b => b.Name == "Review");
        Assert.Equal(journalBefore, run.Journal.Count);
    }

    [Fact]
    public async Task A_held_instance_keeps_its_wait_refuses_stimuli_and_takes_them_again_once_released()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "review", "type": "Wait", "bookmark": "Review" }]""",
            Links(Link("start", "Done", "review")));
        await run.RunAsync();

        Assert.True(FlowchartInterpreter.Hold(run.State, "address problem", DateTime.UtcNow));

        Assert.False(FlowchartInterpreter.Hold(run.State, "again", DateTime.UtcNow));
        Assert.Equal(ResumeAttempt.Held, FlowchartInterpreter.Resume(run.State, "Review", null, null));
        Assert.Single(run.State.Bookmarks, b => b.Name == "Review");
        Assert.Equal(WorkflowStatus.Suspended, run.State.Status);
        Assert.True(FlowchartInterpreter.Release(run.State));
        Assert.False(FlowchartInterpreter.Release(run.State));
        await run.ResumeAsync("Review");
        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        Assert.False(FlowchartInterpreter.Hold(run.State, "too late", DateTime.UtcNow));
    }

    [Fact]
    public async Task A_held_faulted_instance_is_not_retried_until_released_and_cancel_lifts_a_hold()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "boom", "type": "SideEffect" }]""", Links(Link("start", "Done", "boom")));
        run.SideEffect.FailuresLeft = 1;
        await run.RunAsync();
        Assert.Equal(WorkflowStatus.Faulted, run.State.Status);

        Assert.True(FlowchartInterpreter.Hold(run.State, "platform error", DateTime.UtcNow));
        Assert.False(FlowchartInterpreter.Retry(run.State));
        FlowchartInterpreter.Release(run.State);
        Assert.True(FlowchartInterpreter.Retry(run.State));

        var waiting = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "review", "type": "Wait", "bookmark": "Review" }]""",
            Links(Link("start", "Done", "review")));
        await waiting.RunAsync();
        FlowchartInterpreter.Hold(waiting.State, "x", DateTime.UtcNow);
        Assert.True(FlowchartInterpreter.Cancel(waiting.State));
        Assert.Null(waiting.State.Hold);
    }

    [Fact]
    public async Task Cancel_ends_a_waiting_instance_and_clears_its_bookmarks()
    {
        var run = new Harness("""[{ "id": "start", "type": "Start" }, { "id": "review", "type": "Wait", "bookmark": "Review" }]""",
            Links(Link("start", "Done", "review")));
        await run.RunAsync();

        Assert.True(FlowchartInterpreter.Cancel(run.State));

        Assert.Equal(WorkflowStatus.Cancelled, run.State.Status);
        Assert.Empty(run.State.Bookmarks);
        Assert.False(FlowchartInterpreter.Cancel(run.State));
    }

    [Fact]
    public async Task A_loop_that_never_waits_is_stopped_as_a_fault_instead_of_spinning()
    {
        var run = new Harness("""
            [{ "id": "start", "type": "Start" }, { "id": "a", "type": "SetVariable", "variable": "x", "value": 1 }, { "id": "b", "type": "SetVariable", "variable": "x", "value": 2 }]
            """, Links(Link("start", "Done", "a"), Link("a", "Done", "b"), Link("b", "Done", "a")));

        await run.RunAsync();

        Assert.Equal(WorkflowStatus.Faulted, run.State.Status);
        Assert.Contains("runaway", run.State.Fault!.Message, StringComparison.Ordinal);
    }
}
