using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Orchestrator.Persistence.Diagnostics;

/// <summary>The interceptors a context was configured with, for code that must ask them directly (not through EF's events).</summary>
public static class ContextInterceptors
{
    /// <summary>
    /// <paramref name="context"/>'s interceptors. An <see cref="OrchestratorDbContext"/> read them from its options when
    /// it was made, so they are known even once it is disposed (a pooled context is, back in the pool).
    /// </summary>
    public static IReadOnlyList<IInterceptor> Of(DbContext context) =>
        context is OrchestratorDbContext known ? known.Interceptors : InOptions(context.GetService<IDbContextOptions>());

    /// <summary>The interceptors <paramref name="options"/> configure.</summary>
    public static IReadOnlyList<IInterceptor> InOptions(IDbContextOptions options) =>
        options.FindExtension<CoreOptionsExtension>()?.Interceptors?.ToArray() ?? [];
}
