namespace Orchestrator.Workflows.Execution.ControlFlow;

/// <summary>
/// The fields a Decision's <c>left</c> may name, gathered from the registered <see cref="IFieldResolver"/>s, and the operators
/// each type takes. <c>variables.&lt;name&gt;</c> is always allowed: variables are set as the workflow runs.
/// </summary>
public sealed class ConditionFieldCatalog
{
    public const string VariablesPrefix = "variables";

    private readonly Dictionary<string, ConditionField> _byName;

    public ConditionFieldCatalog(IEnumerable<IFieldResolver> resolvers)
    {
        var list = resolvers.ToList();
        Prefixes = [VariablesPrefix, .. list.Select(r => r.Prefix)];
        Fields = [.. list.SelectMany(r => r.Fields)];
        _byName = Fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public static ConditionFieldCatalog Empty { get; } = new([]);

    /// <summary>Operators per field type, in the order the designer lists them; a variable takes any of <see cref="DecisionActivity.Operators"/>.</summary>
    public static IReadOnlyDictionary<ConditionFieldType, IReadOnlyList<string>> Operators { get; } = new Dictionary<ConditionFieldType, IReadOnlyList<string>>
    {
        [ConditionFieldType.Text] = ["eq", "ne", "in", "contains", "notContains", "isEmpty", "isNotEmpty"],
        [ConditionFieldType.Number] = ["eq", "ne", "gt", "ge", "lt", "le", "in", "isEmpty", "isNotEmpty"],
        [ConditionFieldType.Boolean] = ["eq", "ne"],
    };

    /// <summary><c>variables</c> first, then each resolver's prefix.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public IReadOnlyList<ConditionField> Fields { get; }

    /// <summary>The field a path names (case as the resolvers read it: ignored), or null for a variable or an unknown name.</summary>
    public ConditionField? Find(string path) => _byName.GetValueOrDefault(path);

    public static bool IsVariable(string path) => path.StartsWith(VariablesPrefix + ".", StringComparison.Ordinal) && path.Length > VariablesPrefix.Length + 1;

    /// <summary>Known fields spelt close to <paramref name="path"/>, closest first: the "did you mean" of an error.</summary>
    public IReadOnlyList<string> CloseTo(string path, int max = 3) =>
        [.. Fields.Select(f => (f.Name, Distance: EditDistance.Between(path.ToLowerInvariant(), f.Name.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, path.Length / 4))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)];
}
