using Orchestrator.Persistence.Audit;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// The audit actor of a request or a background scope: the signed-in principal's name (a person's user name, or
/// <c>key:&lt;name&gt;</c> for an API key) wins; without one, whoever the code named (the reviewer of a decision, the
/// workflow runtime), else <see cref="AuditActors.System"/>.
/// </summary>
internal sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    private string? _named;

    public string Name =>
        http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } signedIn } ? signedIn
        : _named ?? AuditActors.System;

    public bool IsRoutine { get; private set; }

    public void ActAs(string name, bool routine = false)
    {
        _named = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        IsRoutine = routine;
    }
}
