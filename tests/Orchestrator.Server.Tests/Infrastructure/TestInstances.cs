using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>A workflow definition row and one new instance of it, stored straight into a test's database.</summary>
public static class TestInstances
{
    public static async Task<WorkflowInstanceRecord> AddAsync(OrchestratorDbContext db, string definitionId, long? salesOrderId = null)
    {
        var definition = new WorkflowDefinitionRecord
        {
            DefinitionId = definitionId,
            Version = 1,
            Json = "{}",
            ContentHash = "x",
            Source = "test",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.WorkflowDefinitions.Add(definition);
        await db.SaveChangesAsync();
        var instance = new WorkflowInstanceRecord
        {
            Id = Guid.NewGuid(),
            DefinitionId = definitionId,
            DefinitionVersion = 1,
            DefinitionRecordId = definition.Id,
            SalesOrderId = salesOrderId,
            StateJson = InstanceRecords.WriteState(new InstanceState()),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Revision = 1,
        };
        db.WorkflowInstances.Add(instance);
        await db.SaveChangesAsync();
        return instance;
    }
}
