using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Persistence;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Security;

/// <summary>
/// The key ring that encrypts sign-in cookies lives in the database, so a cookie one server issued is read by another
/// server on the same database (a cluster, or the same one after a restart).
/// </summary>
public sealed class SessionKeyRingTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_server_is_accepted_by_another_on_the_same_database()
    {
        using var data = new TempDataFolder("orchestrator-keyring-");
        var database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(data.Path, "orchestrator.db"), DefaultTimeout = 30 }.ToString();

        string cookie;
        await using (var first = new OrchestratorFactory(DatabaseProvider.Sqlite, database, data.Path, seedDemo: false))
        {
            using var client = first.CreateClient(new() { HandleCookies = false });
            using var signIn = await client.PostAsync("/api/auth/sign-in", System.Net.Http.Json.JsonContent.Create(new { userName = SignIn.AdminName, password = SignIn.AdminPassword }));
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Orchestrator.Auth=", StringComparison.Ordinal)).Split(';')[0];

            await using var scope = first.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().DataProtectionKeys.AnyAsync());
        }

        await using var second = new OrchestratorFactory(DatabaseProvider.Sqlite, database, data.Path, seedDemo: false);
        using var other = second.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var me = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(SignIn.AdminName, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
