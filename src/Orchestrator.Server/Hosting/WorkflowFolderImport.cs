using System.Text.Json;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Definitions;
using Orchestrator.Workflows.Runtime.EntityFramework;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Publishes the repository's <c>workflows/*.json</c> at start-up: a file becomes a new published version when its
/// definition has none, or when its content differs from the published version and the file is newer than that version.
/// A broken file is logged and skipped; the server starts all the same.
/// </summary>
internal static partial class WorkflowFolderImport
{
    public static async Task ImportWorkflowFolderAsync(this WebApplication app, IServiceProvider services)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkflowFolderImport));
        var configured = app.Configuration["Workflows:Folder"];
        var folder = string.IsNullOrWhiteSpace(configured) ? FindRepositoryFolder(app.Environment.ContentRootPath) : Path.GetFullPath(configured, app.Environment.ContentRootPath);
        if (folder is null)
        {
            LogNoRepositoryFolder(logger, app.Environment.ContentRootPath);
            return;
        }

        if (!Directory.Exists(folder))
        {
            LogMissingFolder(logger, folder);
            return;
        }

        var store = services.GetRequiredService<WorkflowDefinitionStore>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await ImportFileAsync(store, file, logger, app.Lifetime.ApplicationStopping);
        }
    }

    private static async Task ImportFileAsync(WorkflowDefinitionStore store, string file, ILogger logger, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        WorkflowDefinition definition;
        try
        {
            definition = DefinitionContent.Parse(await File.ReadAllTextAsync(file, ct));
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, name, ex.Message);
            return;
        }

        if (store.Validate(definition) is { Count: > 0 } errors)
        {
            LogInvalid(logger, name, errors.Count, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
            return;
        }

        var published = await store.FindPublishedAsync(definition.DefinitionId, ct);
        var written = File.GetLastWriteTimeUtc(file);
        if (published?.ContentHash == DefinitionContent.Hash(definition))
        {
            LogUpToDate(logger, name, definition.DefinitionId, published.Version);
            return;
        }

        if (published is not null && written <= published.PublishedAt)
        {
            LogOlder(logger, name, definition.DefinitionId, published.Version, published.PublishedAt, written);
            return;
        }

        var result = await store.PublishNewVersionAsync(definition, $"file:workflows/{name}", ct);
        if (result is { Outcome: DefinitionOutcome.Published, Record: { } record })
        {
            LogImported(logger, name, definition.DefinitionId, record.Version);
        }
        else
        {
            // Another server starting at the same moment published it first.
            LogNotImported(logger, name, definition.DefinitionId, result.Outcome, result.Reason ?? "");
        }
    }

    // Running from a clone: walk up from the content root to the repository's workflows/.
    private static string? FindRepositoryFolder(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var workflows = Path.Combine(dir.FullName, "workflows");
            if (Directory.Exists(workflows))
            {
                return workflows;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No workflows/ folder at or above {ContentRoot}; no workflow files imported (Workflows:Folder names one)")]
    private static partial void LogNoRepositoryFolder(ILogger logger, string contentRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflows:Folder {Folder} does not exist; no workflow files imported")]
    private static partial void LogMissingFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} skipped: it is not a readable workflow definition: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} skipped: {ErrorCount} validation error(s): {Errors}")]
    private static partial void LogInvalid(ILogger logger, string file, int errorCount, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow file {File}: {DefinitionId} v{Version} is published with the same content; nothing to import")]
    private static partial void LogUpToDate(ILogger logger, string file, string definitionId, int version);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Workflow file {File} skipped: {DefinitionId} v{Version} in the database differs but was published ({PublishedAt:o}) after the file was written ({WrittenAt:o})")]
    private static partial void LogOlder(ILogger logger, string file, string definitionId, int version, DateTime? publishedAt, DateTime writtenAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow file {File} imported: {DefinitionId} v{Version} published")]
    private static partial void LogImported(ILogger logger, string file, string definitionId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow file {File} not imported into {DefinitionId}: {Outcome} {Reason}")]
    private static partial void LogNotImported(ILogger logger, string file, string definitionId, DefinitionOutcome outcome, string reason);
}
