using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Orchestrator.Persistence.Audit;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Tests.Audit;

/// <summary>Who the audit trail names: the signed-in principal first, then whom the code named, then "system".</summary>
public sealed class HttpAuditActorTests
{
    [Fact]
    public void A_signed_in_principal_is_the_actor_even_when_a_request_states_another_name()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ops-lead-wang")], authenticationType: "Identity.Application"));
        var actor = new HttpAuditActor(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } });

        actor.ActAs("客服小李");

        Assert.Equal("ops-lead-wang", actor.Name);
    }

    [Fact]
    public void An_api_key_principal_is_named_as_its_key()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "key:tb-sync")], authenticationType: "ApiKey"));

        Assert.Equal("key:tb-sync", new HttpAuditActor(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } }).Name);
    }

    [Fact]
    public void Without_a_signed_in_principal_the_named_actor_then_system_is_used()
    {
        var anonymous = new HttpAuditActor(new HttpContextAccessor { HttpContext = new DefaultHttpContext() });
        var background = new HttpAuditActor(new HttpContextAccessor());

        Assert.Equal(AuditActors.System, anonymous.Name);
        anonymous.ActAs("客服小李");
        background.ActAs(AuditActors.Workflow, routine: true);

        Assert.Equal(("客服小李", false), (anonymous.Name, anonymous.IsRoutine));
        Assert.Equal((AuditActors.Workflow, true), (background.Name, background.IsRoutine));
    }
}
