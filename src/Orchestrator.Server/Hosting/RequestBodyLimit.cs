using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Enforces one body limit the same way behind Kestrel and in the in-process test host (which has no limit of its own):
/// a declared length over it is refused before anything is read, a chunked body fails as soon as it passes it. JSON bodies
/// are also held to <see cref="RequestJson.MaxDepth"/>.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<RequestBodyLimitOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
        {
            throw new RequestBodyTooLargeException(_limit);
        }

        // Kestrel's own limit (30 MB) would answer first with a bare 413 from inside body binding; this one replaces it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = null;
        }

        context.Request.Body = new GuardedRequestBody(context.Request.Body, _limit, context.Request.HasJsonContentType());
        return next(context);
    }
}
