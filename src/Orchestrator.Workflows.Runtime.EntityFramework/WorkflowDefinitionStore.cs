using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Definitions;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

/// <summary>
/// The versions of workflow definitions, one row each. A definition has at most one draft, always its highest version,
/// and at most one published version, the one new instances start. Every change gives the rows it touches a revision
/// above any the definition had, so an edit based on the latest version's older revision is refused.
/// </summary>
public sealed partial class WorkflowDefinitionStore(
    OrchestratorDbContext db, WorkflowValidator validator, TimeProvider clock, ILogger<WorkflowDefinitionStore> logger)
{
    /// <summary>The workflow shops without their own run; it can be replaced by publishing another version, never unpublished.</summary>
    public const string DefaultDefinitionId = "sales-order";

    /// <summary>The highest version (the draft, when there is one), or null when the definition does not exist.</summary>
    public Task<WorkflowDefinitionRecord?> FindLatestAsync(string definitionId, CancellationToken cancellationToken) =>
        Versions(definitionId).AsNoTracking().OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The version new instances of <paramref name="definitionId"/> start, or null when none is published.</summary>
    public Task<WorkflowDefinitionRecord?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        Versions(definitionId).AsNoTracking().FirstOrDefaultAsync(d => d.State == DefinitionState.Published, cancellationToken);

    /// <summary>One version by number, whatever its state; instances pinned to a retired version still read it here.</summary>
    public Task<WorkflowDefinitionRecord?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        Versions(definitionId).AsNoTracking().FirstOrDefaultAsync(d => d.Version == version, cancellationToken);

    /// <summary>Every version of a definition, newest first; empty when the definition does not exist.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken) =>
        await Versions(definitionId).AsNoTracking().OrderByDescending(d => d.Version).ToListAsync(cancellationToken);

    /// <summary>Everything wrong with a definition: its shape (<see cref="DefinitionShape"/>), then the flowchart's own errors.</summary>
    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        var errors = DefinitionShape.Errors(definition);
        if (DefinitionShape.IsWalkable(errors))
        {
            errors.AddRange(validator.Validate(definition));
        }

        return errors;
    }

    /// <summary>The validation errors of a stored version, so the designer can mark the activities concerned.</summary>
    public IReadOnlyList<DefinitionError> ErrorsOf(WorkflowDefinitionRecord record) => Validate(DefinitionContent.Parse(record.Json));

    /// <summary>
    /// Saves <paramref name="definition"/> as the draft, even with validation errors (they come back in the result): updates the
    /// draft there is or adds one as the next version. With <paramref name="revision"/>, the latest version must still be at it.
    /// </summary>
    public async Task<DefinitionResult> SaveDraftAsync(WorkflowDefinition definition, int? revision, string source, CancellationToken cancellationToken)
    {
        if (!CanStore(definition))
        {
            return DefinitionResult.Invalid(Validate(definition));
        }

        try
        {
            return await SaveDraftOnceAsync(definition, revision, source, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(definition.DefinitionId, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another writer added the draft between our read and our write: read again and apply on top (or conflict).
            LogConcurrentDraft(logger, ex, definition.DefinitionId);
            db.ChangeTracker.Clear();
            return await SaveDraftOnceAsync(definition, revision, source, cancellationToken);
        }
    }

    /// <summary>Publishes the draft when it is valid; the version published until now is retired in the same save.</summary>
    public async Task<DefinitionResult> PublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        var draft = await Versions(definitionId).FirstOrDefaultAsync(d => d.State == DefinitionState.Draft, cancellationToken);
        if (draft is null)
        {
            return DefinitionResult.NotFound($"Workflow definition '{definitionId}' has no draft to publish.");
        }

        var definition = DefinitionContent.Parse(draft.Json);
        if (Validate(definition) is { Count: > 0 } errors)
        {
            return new DefinitionResult(DefinitionOutcome.Invalid, draft, errors);
        }

        return await SaveAsync(definitionId, async () =>
        {
            await StagePublishAsync(draft, definition, await NextRevisionAsync(definitionId, cancellationToken), Now, cancellationToken);
            return new DefinitionResult(DefinitionOutcome.Published, draft, []);
        }, cancellationToken);
    }

    /// <summary>Retires the published version, so no new instance starts on the definition; refused for the default workflow and for one a shop runs.</summary>
    public async Task<DefinitionResult> UnpublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        var published = await Versions(definitionId).FirstOrDefaultAsync(d => d.State == DefinitionState.Published, cancellationToken);
        if (published is null)
        {
            return DefinitionResult.NotFound($"Workflow definition '{definitionId}' has no published version.");
        }

        if (definitionId == DefaultDefinitionId)
        {
            return DefinitionResult.Refused(published, $"'{definitionId}' is the default workflow and must stay published: publish another version instead.");
        }

        var shops = await db.Shops.Where(s => s.WorkflowDefinitionId == definitionId).OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(cancellationToken);
        if (shops.Count > 0)
        {
            return DefinitionResult.Refused(published, $"Shops {string.Join(", ", shops)} run '{definitionId}': give them another workflow first.");
        }

        return await SaveAsync(definitionId, async () =>
        {
            Retire(published, await NextRevisionAsync(definitionId, cancellationToken), Now);
            return new DefinitionResult(DefinitionOutcome.Unpublished, published, []);
        }, cancellationToken);
    }

    /// <summary>Discards the draft; false when there is none.</summary>
    public async Task<bool> DeleteDraftAsync(string definitionId, CancellationToken cancellationToken)
    {
        var latest = await Versions(definitionId).OrderByDescending(d => d.Version).Take(2).ToListAsync(cancellationToken);
        if (latest is not [{ State: DefinitionState.Draft } draft, ..])
        {
            return false;
        }

        // The version below becomes the latest: raise its revision so an edit based on the discarded draft is a conflict.
        if (latest is [_, var below])
        {
            below.Revision = await NextRevisionAsync(definitionId, cancellationToken);
        }

        db.WorkflowDefinitions.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Saves an imported definition as the draft and, with <paramref name="publish"/>, publishes it in the same save; an invalid
    /// one is not stored at all when it is to be published. Content equal to the latest version's writes nothing (<see cref="DefinitionOutcome.Unchanged"/>).
    /// </summary>
    public async Task<DefinitionResult> ImportAsync(WorkflowDefinition definition, bool publish, string source, CancellationToken cancellationToken)
    {
        var errors = Validate(definition);
        if (!CanStore(definition) || (publish && errors.Count > 0))
        {
            return DefinitionResult.Invalid(errors);
        }

        var id = definition.DefinitionId;
        var latest = await Versions(id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        if (latest?.ContentHash == DefinitionContent.Hash(definition) && (!publish || latest.State == DefinitionState.Published))
        {
            return new DefinitionResult(DefinitionOutcome.Unchanged, latest, errors);
        }

        return await SaveAsync(id, async () =>
        {
            var (revision, now) = (await NextRevisionAsync(id, cancellationToken), Now);
            var draft = StageDraft(latest, definition, source, revision, now);
            if (!publish)
            {
                return new DefinitionResult(DefinitionOutcome.Saved, draft, errors);
            }

            await StagePublishAsync(draft, definition, revision, now, cancellationToken);
            return new DefinitionResult(DefinitionOutcome.Published, draft, []);
        }, cancellationToken);
    }

    /// <summary>
    /// Publishes <paramref name="definition"/> as a new version whatever the latest is (the start-up import of <c>workflows/</c>).
    /// A draft in progress is kept and stays the highest version: it moves up by one.
    /// </summary>
    public async Task<DefinitionResult> PublishNewVersionAsync(WorkflowDefinition definition, string source, CancellationToken cancellationToken)
    {
        if (Validate(definition) is { Count: > 0 } errors)
        {
            return DefinitionResult.Invalid(errors);
        }

        var id = definition.DefinitionId;
        return await SaveAsync(id, async () =>
        {
            var latest = await Versions(id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
            var (revision, now) = (await NextRevisionAsync(id, cancellationToken), Now);
            var version = (latest?.Version ?? 0) + 1;
            if (latest is { State: DefinitionState.Draft } draft)
            {
                version = draft.Version;
                draft.Version++;
                draft.Json = DefinitionContent.Serialize(DefinitionContent.Parse(draft.Json), draft.Version, isPublished: false);
                draft.Revision = revision + 1;
                draft.UpdatedAt = now;
                LogDraftMoved(logger, id, draft.Version);
            }

            var record = Add(id, version, source, now);
            await StagePublishAsync(record, definition, revision, now, cancellationToken);
            return new DefinitionResult(DefinitionOutcome.Published, record, []);
        }, cancellationToken);
    }

    /// <summary>
    /// Rolls back to an earlier version: publishes <paramref name="version"/>'s content again as a new version (source
    /// <c>rollback:v&lt;version&gt;</c>), so history only grows and instances on any version keep theirs. Not found when
    /// there is no such version; refused for the draft (publish it instead) and for the version already published.
    /// </summary>
    public async Task<DefinitionResult> RepublishAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var earlier = await FindVersionAsync(definitionId, version, cancellationToken);
        return earlier switch
        {
            null => DefinitionResult.NotFound($"Workflow definition '{definitionId}' has no version {version}."),
            { State: DefinitionState.Draft } => DefinitionResult.Refused(earlier, $"Version {version} of '{definitionId}' is the draft: publish it instead."),
            { State: DefinitionState.Published } => DefinitionResult.Refused(earlier, $"Version {version} of '{definitionId}' is already the published version."),
            _ => await PublishNewVersionAsync(DefinitionContent.Parse(earlier.Json), RollbackSource(version), cancellationToken),
        };
    }

    /// <summary>The <see cref="WorkflowDefinitionRecord.Source"/> of a version published again from <paramref name="version"/>.</summary>
    public static string RollbackSource(int version) => $"rollback:v{version}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<WorkflowDefinitionRecord> Versions(string definitionId) => db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId);

    private async Task<int> NextRevisionAsync(string definitionId, CancellationToken cancellationToken) =>
        (await Versions(definitionId).MaxAsync(d => (int?)d.Revision, cancellationToken) ?? 0) + 1;

    private async Task<DefinitionResult> SaveDraftOnceAsync(WorkflowDefinition definition, int? revision, string source, CancellationToken cancellationToken)
    {
        var id = definition.DefinitionId;
        var latest = await Versions(id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        if (revision is { } basedOn && latest is not null && basedOn != latest.Revision)
        {
            return new DefinitionResult(DefinitionOutcome.Conflict, latest, [],
                $"Workflow definition '{id}' is at revision {latest.Revision}, but the change was based on revision {basedOn}. Read it again and reapply your change.");
        }

        var draft = StageDraft(latest, definition, source, await NextRevisionAsync(id, cancellationToken), Now);
        await db.SaveChangesAsync(cancellationToken);
        return new DefinitionResult(DefinitionOutcome.Saved, draft, Validate(definition));
    }

    // Runs the staging, then one SaveChanges; a writer that got in between makes it a conflict, not a half-applied change.
    private async Task<DefinitionResult> SaveAsync(string definitionId, Func<Task<DefinitionResult>> stage, CancellationToken cancellationToken)
    {
        try
        {
            var result = await stage();
            await db.SaveChangesAsync(cancellationToken);
            if (result is { Outcome: DefinitionOutcome.Published or DefinitionOutcome.Unpublished, Record: { } record })
            {
                LogStateChanged(logger, definitionId, record.Version, record.State, record.Source);
            }

            return result;
        }
        catch (DbUpdateException)
        {
            return await ConflictAsync(definitionId, cancellationToken);
        }
    }

    private async Task<DefinitionResult> ConflictAsync(string definitionId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var latest = await FindLatestAsync(definitionId, cancellationToken);
        return new DefinitionResult(DefinitionOutcome.Conflict, latest, [],
            $"Someone else changed workflow definition '{definitionId}' at the same time. Read it again and reapply your change.");
    }

    private WorkflowDefinitionRecord StageDraft(WorkflowDefinitionRecord? latest, WorkflowDefinition definition, string source, int revision, DateTime now)
    {
        var draft = latest is { State: DefinitionState.Draft } existing ? existing : Add(definition.DefinitionId, (latest?.Version ?? 0) + 1, source, now);
        draft.Name = definition.Name;
        draft.Json = DefinitionContent.Serialize(definition, draft.Version, isPublished: false);
        draft.ContentHash = DefinitionContent.Hash(definition);
        draft.Source = source;
        draft.UpdatedAt = now;
        draft.Revision = revision;
        return draft;
    }

    private async Task StagePublishAsync(WorkflowDefinitionRecord record, WorkflowDefinition definition, int revision, DateTime now, CancellationToken cancellationToken)
    {
        var previous = await Versions(record.DefinitionId).FirstOrDefaultAsync(d => d.State == DefinitionState.Published, cancellationToken);
        if (previous is not null && previous != record)
        {
            Retire(previous, revision, now);
        }

        record.State = DefinitionState.Published;
        record.Name = definition.Name;
        record.Json = DefinitionContent.Serialize(definition, record.Version, isPublished: true);
        record.ContentHash = DefinitionContent.Hash(definition);
        record.PublishedAt = now;
        record.UpdatedAt = now;
        record.Revision = revision;
    }

    private static void Retire(WorkflowDefinitionRecord record, int revision, DateTime now)
    {
        record.State = DefinitionState.Retired;
        record.Json = DefinitionContent.Serialize(DefinitionContent.Parse(record.Json), record.Version, isPublished: false);
        record.UpdatedAt = now;
        record.Revision = revision;
    }

    private WorkflowDefinitionRecord Add(string definitionId, int version, string source, DateTime now) =>
        db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
        {
            DefinitionId = definitionId,
            Version = version,
            State = DefinitionState.Draft,
            Json = "{}",
            ContentHash = "",
            Source = source,
            CreatedAt = now,
            UpdatedAt = now,
        }).Entity;

    // A draft may be saved with flowchart errors, but not with null parts or an id or name its row cannot hold.
    private static bool CanStore(WorkflowDefinition definition) =>
        !string.IsNullOrWhiteSpace(definition.DefinitionId) && DefinitionShape.Errors(definition).Count == 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} v{Version} is now {State} (source {Source})")]
    private static partial void LogStateChanged(ILogger logger, string definitionId, int version, DefinitionState state, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow definition {DefinitionId}: a new version was published below the draft, which moved up to v{Version}")]
    private static partial void LogDraftMoved(ILogger logger, string definitionId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId}: another writer saved a draft at the same time; applying on top")]
    private static partial void LogConcurrentDraft(ILogger logger, Exception exception, string definitionId);
}
