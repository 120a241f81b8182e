using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Orchestrator.Persistence.Diagnostics;

/// <summary>The interceptors a context was configured with, for code that must ask them directly (not through EF's events).</summary>
public static class ContextInterceptors
{
    public static IEnumerable<IInterceptor> Of(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
}
