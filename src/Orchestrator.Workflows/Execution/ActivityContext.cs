using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Execution;

/// <summary>What one activity execution sees: its inputs, the instance's variables, services, and a stable idempotency key.</summary>
public sealed class ActivityContext
{
    public required Guid InstanceId { get; init; }

    public required ActivityNode Node { get; init; }

    public required Dictionary<string, JsonNode?> Variables { get; init; }

    /// <summary>Services of the current scope (a database context, providers…).</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>
    /// <c>{instance}:{activity}:{entry}</c>: the same for a retry after a fault and for a replay after a crash, new
    /// when the flow enters the activity again. Side-effecting activities pass it to the outside world.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>
    /// The activity whose outcome led here (e.g. the Decision that routed an order to review); null for the start, a
    /// resumed wait and work scheduled without a connection.
    /// </summary>
    public ActivityNode? From { get; init; }

    /// <summary>Set when the activity runs because its bookmark was resumed.</summary>
    public Stimulus? Stimulus { get; init; }

    public required TimeProvider Clock { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The raw input as written in the definition, or null when absent.</summary>
    public JsonElement? Input(string name) =>
        Node.Inputs.TryGetValue(name, out var value) && value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined ? value : null;

    public string? TextInput(string name) => Input(name) is { } value
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    public T? Variable<T>(string name) =>
        Variables.TryGetValue(name, out var node) && node is not null ? node.Deserialize<T>(WorkflowJson.Options) : default;

    /// <summary>The sales order the instance runs, from the <c>orderId</c> variable the trigger sets.</summary>
    public long OrderId => Variables.TryGetValue("orderId", out var node) && node is JsonValue value && value.TryGetValue<long>(out var id)
        ? id
        : throw new InvalidOperationException("This instance has no 'orderId' variable; it was not started for an order.");

    public T GetRequiredService<T>()
        where T : notnull =>
        (T)(Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"No service of type {typeof(T).Name} is registered."));
}
