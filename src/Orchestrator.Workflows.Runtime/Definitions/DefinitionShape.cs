using System.Text.RegularExpressions;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Runtime.Definitions;

/// <summary>
/// What a definition must be before it can be stored or validated: no null parts where JSON allowed one (the
/// validator walks every activity and connection), and an id and name that fit the row, URLs and file names.
/// </summary>
public static partial class DefinitionShape
{
    public const int MaxDefinitionIdLength = 100;

    public const int MaxNameLength = 200;

    /// <summary>The error code for a null where a list, an entry or one of its parts belongs.</summary>
    public const string Malformed = "Malformed";

    /// <summary>Letters, digits, '-', '_' and '.', starting with a letter or digit.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    public static partial Regex DefinitionIdPattern();

    /// <summary>True when the flowchart has no null parts, so <see cref="WorkflowValidator"/> can walk it.</summary>
    public static bool IsWalkable(IReadOnlyList<DefinitionError> shapeErrors) => !shapeErrors.Any(e => e.Code == Malformed);

    public static List<DefinitionError> Errors(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionError>();
        var id = definition.DefinitionId;
        if (!string.IsNullOrWhiteSpace(id) && (id.Length > MaxDefinitionIdLength || !DefinitionIdPattern().IsMatch(id)))
        {
            errors.Add(new("InvalidDefinitionId", "definitionId",
                $"'{id}' is not a usable definitionId: up to {MaxDefinitionIdLength} letters, digits, '-', '_' or '.', starting with a letter or digit."));
        }

        if (definition.Name?.Length > MaxNameLength)
        {
            errors.Add(new("NameTooLong", "name", $"A workflow name has at most {MaxNameLength} characters."));
        }

        NoNulls(definition.Variables, "variables", _ => null, errors);
        if (definition.Root is null)
        {
            errors.Add(Null("root", "A workflow needs a root flowchart."));
            return errors;
        }

        NoNulls(definition.Root.Activities, "root.activities", a => a.Type is null ? "type" : null, errors);
        NoNulls(definition.Root.Connections, "root.connections", c => c.Source is null ? "source" : c.Target is null ? "target" : null, errors);
        return errors;
    }

    // A null list, a null entry, or an entry missing the part named by missingPart.
    private static void NoNulls<T>(IReadOnlyList<T>? items, string path, Func<T, string?> missingPart, List<DefinitionError> errors)
        where T : class
    {
        if (items is null)
        {
            errors.Add(Null(path, $"'{path}' must be a list, not null."));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add(Null($"{path}[{i}]", $"Entry {i} of '{path}' is null."));
            }
            else if (missingPart(items[i]) is { } part)
            {
                errors.Add(Null($"{path}[{i}].{part}", $"Entry {i} of '{path}' has no '{part}'."));
            }
        }
    }

    private static DefinitionError Null(string path, string message) => new(Malformed, path, message);
}
