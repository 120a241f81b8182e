using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orchestrator.Persistence.Writes;

/// <summary>
/// An entity type's table as the server's own statements name it: the table and its columns from the EF model, quoted
/// as the provider quotes them (<see cref="ISqlGenerationHelper"/>), so one statement text is right on SQLite,
/// PostgreSQL and SQL Server alike.
/// </summary>
internal sealed class StoreTable
{
    private readonly ISqlGenerationHelper _sql;

    private StoreTable(IEntityType entity, ISqlGenerationHelper sql)
    {
        Entity = entity;
        _sql = sql;
        Identifier = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Name = sql.DelimitIdentifier(Identifier.Name, Identifier.Schema);
    }

    public IEntityType Entity { get; }

    public StoreObjectIdentifier Identifier { get; }

    /// <summary>The table's name, schema-qualified and quoted.</summary>
    public string Name { get; }

    /// <summary>The table of <paramref name="type"/> in <paramref name="model"/>; refused when the model has no such entity.</summary>
    public static StoreTable Of(IModel model, Type type, ISqlGenerationHelper sql) =>
        new(model.FindEntityType(type) ?? throw new ArgumentException($"{type.Name} is not in the model.", nameof(type)), sql);

    /// <summary>The entity's property <paramref name="name"/>; refused when it has none.</summary>
    public IProperty Property(string name) =>
        Entity.FindProperty(name) ?? throw new ArgumentException($"{Entity.ClrType.Name} has no property {name}.", nameof(name));

    /// <summary>The quoted column of <paramref name="property"/>.</summary>
    public string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName(Identifier)!);

    /// <summary>The quoted column of the property named <paramref name="property"/>.</summary>
    public string Column(string property) => Column(Property(property));

    /// <summary>The type mapping of the property named <paramref name="property"/>, to make its parameters with.</summary>
    public RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)Property(property).GetRelationalTypeMapping();
}
