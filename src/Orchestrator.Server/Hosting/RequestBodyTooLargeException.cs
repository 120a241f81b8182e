namespace Orchestrator.Server.Hosting;

/// <summary>
/// A request body past <see cref="RequestBodyLimitOptions.MaxRequestBodyBytes"/>. Not an <see cref="IOException"/>, so
/// body binding does not swallow it and <see cref="ApiExceptionHandler"/> answers 413.
/// </summary>
internal sealed class RequestBodyTooLargeException(long limit)
    : Exception($"The request body is larger than the limit of {limit} bytes (Api:MaxRequestBodyBytes).");
