namespace Orchestrator.Simulators.Platform;

/// <summary>How an injected fault answers: a TOP <c>error_response</c> (HTTP 200, isp.* sub code) or a bare HTTP 500.</summary>
public enum FaultKind
{
    TopError,
    Http500,
}
