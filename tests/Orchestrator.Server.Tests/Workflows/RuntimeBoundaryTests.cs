using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Orchestrator.Workflows.Runtime.Grains;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// The runtime owns its store abstraction (issue 17; <see cref="IWorkflowInstanceStore"/>): its assembly names no EF
/// Core type, no database context and no order. Read from the compiled assembly's metadata, so a use anywhere (a field,
/// a local, a generic argument, a lambda) counts, not only a <c>using</c>.
/// </summary>
public sealed class RuntimeBoundaryTests
{
    [Fact]
    public void The_workflow_runtime_references_neither_ef_core_nor_the_database_context_nor_the_order()
    {
        var referenced = ReferencedTypes(typeof(WorkflowInstanceGrain).Assembly.Location);

        // The check itself sees what the runtime does use (the store it asks, Orleans, the records it stores).
        Assert.Contains("Orchestrator.Persistence.Workflows.WorkflowInstanceRecord", referenced);
        Assert.Contains(referenced, t => t.StartsWith("Orleans.", StringComparison.Ordinal));

        Assert.DoesNotContain(referenced, t => t.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Orchestrator.Persistence.OrchestratorDbContext", referenced);
        Assert.DoesNotContain(referenced, t => t.StartsWith("Orchestrator.Domain.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_workflow_runtime_assembly_does_not_reference_ef_core_assemblies()
    {
        using var stream = File.OpenRead(typeof(WorkflowInstanceGrain).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var assemblies = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();

        Assert.Contains("Orchestrator.Workflows", assemblies);
        Assert.DoesNotContain(assemblies, a => a.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Orchestrator.Domain", assemblies);
    }

    /// <summary>Every type the assembly refers to outside itself, by full name (nested types as Outer+Inner).</summary>
    private static HashSet<string> ReferencedTypes(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            names.Add(FullName(metadata, metadata.GetTypeReference(handle)));
        }

        return names;
    }

    private static string FullName(MetadataReader metadata, TypeReference type)
    {
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(metadata, metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope)) + "+" + name;
        }

        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
