using System.Text.Json;
using Orchestrator.Server.Hosting;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>
/// A definition as the designer saves it or an import brings it: the Elsa-shaped JSON, plus on a draft the <c>revision</c>
/// of the latest version the edit is based on. <c>version</c> and <c>isPublished</c> in the body are ignored: the store assigns them.
/// </summary>
public sealed record WorkflowDefinitionRequest(
    string? DefinitionId, string? Name, IReadOnlyList<VariableDefinition>? Variables, Flowchart? Root, int? Revision)
{
    // Reads as definitions are stored, but refuses text no database column can hold.
    private static readonly JsonSerializerOptions ReadOptions = new(WorkflowJson.Options) { Converters = { new TextWithoutNulConverter() } };

    /// <summary>Reads the body with the options definitions are stored in; unreadable JSON becomes a 400 naming the field.</summary>
    public static async ValueTask<WorkflowDefinitionRequest?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength == 0)
        {
            return null;
        }

        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send the workflow definition as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<WorkflowDefinitionRequest>(request.Body, ReadOptions, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException("The workflow definition could not be read.", ex);
        }
    }

    /// <summary>The definition to store; call once validation has made sure <c>definitionId</c> and <c>root</c> are there.</summary>
    public WorkflowDefinition ToDefinition() => new() { DefinitionId = DefinitionId!, Name = Name, Variables = Variables ?? [], Root = Root! };
}
