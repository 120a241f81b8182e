using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Orchestrator.Persistence;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>), compiled once per model. A compiled query skips what EF does for
/// every LINQ query before it runs (walking the expression for parameters, hashing it for its cache): worth it for the
/// few queries every order's runs send. One compiled query binds to the first model it runs on, and a process may serve
/// two providers (the test process serves SQLite and PostgreSQL at once), so each model gets its own.
/// </summary>
public sealed class PerModelQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
