using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence.Failures;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Turns unreadable requests, lost edit races and a database that is down or out of disk into RFC 7807 problem details
/// that say what went wrong.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>What a client is told to wait before trying again while the database is away.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = DatabaseFailure.Classify(exception) switch
        {
            DatabaseFailureKind.Unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                "The database cannot be reached right now, so nothing was changed. Retry after the time in Retry-After."),
            DatabaseFailureKind.DiskFull => Problem(StatusCodes.Status507InsufficientStorage, "Disk full",
                "The disk holding the database is full, so nothing was changed. Free space on it, then retry."),
            _ => null,
        };
        if (problem is not null)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        problem ??= exception switch
        {
            RequestJsonTooDeepException tooDeep => Invalid("body", tooDeep.Message),
            RequestBodyTooLargeException tooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", tooLarge.Message),
            BadHttpRequestException { InnerException: TextRejectedException text } => Invalid(JsonField(text.Path), text.Message),
            BadHttpRequestException { InnerException: JsonException { InnerException: JsonException syntax } json } => Invalid("body", SyntaxMessage(json.Path, syntax)),
            BadHttpRequestException { InnerException: JsonException json } => Invalid(JsonField(json.Path), JsonMessage(json)),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", bad.Message),
            BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
                Invalid("body", "A JSON request body is required."),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Edit conflict",
                "Someone else changed this record after you read it. Read it again and retry with the new version."),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };

    // "$.lines[0].quantity" -> "lines[0].quantity"; a broken document has no path.
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    // The reader's own error (bad token, truncated document, nesting past MaxDepth) makes the whole body unreadable, wherever it is.
    private static string SyntaxMessage(string? path, JsonException syntax) =>
        $"The request body is not valid JSON{(JsonField(path) is var at && at != "body" ? $" (at '{at}')" : "")}: {syntax.Message}";

    private static string JsonMessage(JsonException json) =>
        json.Path is null or "$" ? "The request body is not valid JSON." : $"The value at '{JsonField(json.Path)}' is not of the expected type or is not valid JSON.";
}
