namespace Orchestrator.Simulators.Platform;

/// <summary>
/// How an injected fault answers: a platform error (TOP <c>error_response</c> with an isp.* sub code, JD's error object), a
/// bare HTTP 500, or garbage with HTTP 200 (see <see cref="GarbageAnswers"/>), as a proxy, a half-deployed platform or a
/// confused gateway would send.
/// </summary>
public enum FaultKind
{
    TopError,
    Http500,

    /// <summary>Plain text, not JSON.</summary>
    NotJson,

    /// <summary>The documented answer cut off halfway.</summary>
    TruncatedJson,

    /// <summary>A gateway's HTML error page.</summary>
    HtmlPage,

    /// <summary>The documented members, each of the wrong type.</summary>
    WrongTypes,

    /// <summary>Another service's error body, not the platform's error object.</summary>
    ErrorBody,
}
