using Microsoft.Extensions.FileProviders;

namespace Orchestrator.Server.Hosting;

/// <summary>Serves the built designer (designer/dist) at <c>/</c>, or a landing page until it is built.</summary>
internal static class DesignerHosting
{
    public static WebApplication MapDesigner(this WebApplication app)
    {
        var root = FindDesignerRoot(app);
        if (root is not null)
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            // Any path that is not a file and not under /api is the designer's (client-side routes); an /api path that matches
            // nothing stays a 404 problem, and an API endpoint is never out-ranked by the page.
            app.MapFallbackToFile("{*path:regex(^(?!api(/|$))):nonfile}", "index.html", new StaticFileOptions { FileProvider = files }).AllowAnonymous();
            return app;
        }

        app.MapGet("/", () => Results.Content(LandingPage, "text/html; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static string? FindDesignerRoot(WebApplication app)
    {
        var configured = app.Configuration["Designer:Root"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;
        }

        // Running from a clone: walk up from the content root to the repository's designer/dist.
        for (var dir = new DirectoryInfo(app.Environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var dist = Path.Combine(dir.FullName, "designer", "dist");
            if (File.Exists(Path.Combine(dist, "index.html")))
            {
                return dist;
            }
        }

        return null;
    }

    private const string LandingPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Orchestrator</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#1f2933}
        a{color:#0b62d6}code{background:#f1f3f5;padding:.1rem .3rem;border-radius:3px}</style></head>
        <body><h1>Orchestrator</h1>
        <p>Order orchestration for Taobao/Tmall, JD, AliExpress, Amazon and POS shops. The visual designer is not built yet.</p>
        <ul>
        <li><a href="/scalar/v1">API reference (Scalar)</a> · <a href="/openapi/v1.json">OpenAPI document</a></li>
        <li><a href="/api/shops">Shops</a> · <a href="/api/goods">Goods</a> · <a href="/api/combos">Combos</a> ·
            <a href="/api/warehouses">Warehouses</a> · <a href="/api/logistics-companies">Logistics companies</a> · <a href="/api/orders">Orders</a></li>
        <li><a href="/health/ready">Readiness</a></li>
        </ul>
        <p>Push an order: <code>POST /api/shops/{shopId}/orders</code> (see the README).</p>
        </body></html>
        """;
}
