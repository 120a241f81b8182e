using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Security;

/// <summary>Signing in, the first admin, users and roles, and integration keys, through the real API.</summary>
public sealed class AuthenticationTests(SqliteServerFixture server) : ApiTestBase(server), IClassFixture<SqliteServerFixture>
{
    private static readonly string[] OpsLeadOnly = ["OpsLead"];
    private static readonly string[] ReviewerOnly = ["Reviewer"];
    private static readonly string[] NoSuchRole = ["Wizard"];
    private static readonly string[] AdminOnly = ["Admin"];
    private static readonly long[] NoSuchShop = [987654];

    [SkippableFact]
    public async Task Without_signing_in_the_api_answers_401_problem_details_and_never_redirects()
    {
        using var anonymous = await Server.CreateClientAsync();
        var problem = await ProblemAsync(await anonymous.GetAsync("/api/orders"), HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in required", problem["title"]!.GetValue<string>());
        await ProblemAsync(await anonymous.PostAsJsonAsync("/api/goods", new { merchantCode = "X" }), HttpStatusCode.Unauthorized);
        await ProblemAsync(await anonymous.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    [SkippableFact]
    public async Task Signing_in_checks_the_password_names_missing_fields_and_me_tells_the_roles()
    {
        using var anonymous = await Server.CreateClientAsync();
        var wrong = await ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = SignIn.AdminName, password = "not-the-password" }), HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in failed", wrong["title"]!.GetValue<string>());
        AssertNamesField(await ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { password = "x" }), HttpStatusCode.BadRequest), "userName");

        var signedIn = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = SignIn.AdminName, password = SignIn.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Orchestrator.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var me = (await anonymous.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        Assert.Equal(SignIn.AdminName, me["userName"]!.GetValue<string>());
        Assert.Contains("Admin", me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var signInAnswer = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(me["id"]);
        Assert.Equal(signInAnswer["id"]!.GetValue<long>(), me["id"]!.GetValue<long>());

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsync("/api/auth/sign-out", null)).StatusCode);
        await ProblemAsync(await anonymous.GetAsync("/api/orders"), HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task The_first_admin_comes_from_configuration_and_setup_cannot_make_a_second()
    {
        using var anonymous = await Server.CreateClientAsync();
        Assert.False((await anonymous.GetFromJsonAsync<JsonObject>("/api/auth/setup"))!["needed"]!.GetValue<bool>());
        await ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/setup", new { userName = "intruder", password = "intruder-password" }), HttpStatusCode.Conflict);
        await ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = "intruder", password = "intruder-password" }), HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Roles_decide_what_a_person_may_do_and_403_says_which_roles_are_needed()
    {
        var shop = await CreateShopAsync();
        var reviewer = await CreateUserAsync("Reviewer", shops: [shop.Id]);
        using var client = await Server.CreateClientAsync(reviewer, UserPassword);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/review/queue")).StatusCode);
        var forbidden = await ProblemAsync(await client.PostAsJsonAsync("/api/goods", new { merchantCode = Unique("G"), name = "x" }), HttpStatusCode.Forbidden);
        Assert.Contains("OpsLead", forbidden["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAsync(await client.GetAsync("/api/users"), HttpStatusCode.Forbidden);
        await ProblemAsync(await client.PostAsJsonAsync($"/api/shops/{shop.Id}/api-keys", new { name = "mine" }), HttpStatusCode.Forbidden);

        var me = (await client.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        Assert.Equal([shop.Id], me["shopIds"]!.AsArray().Select(s => s!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task An_ops_lead_picks_the_workflow_a_shop_runs_but_not_the_rest_of_the_shop()
    {
        var shop = await CreateShopAsync();
        var (_, lead) = await SignedInAsAsync("OpsLead");
        using (lead)
        {
            await ProblemAsync(await lead.PutAsJsonAsync($"/api/shops/{shop.Id}", new { code = shop.Code, name = "改名", platform = "taobao", version = shop.Version }), HttpStatusCode.Forbidden);
            AssertNamesField(await ProblemAsync(await lead.PutAsJsonAsync($"/api/shops/{shop.Id}/workflow", new { workflowDefinitionId = "no-such-flow", version = shop.Version }),
                HttpStatusCode.BadRequest), "workflowDefinitionId");
            await ProblemAsync(await lead.PutAsJsonAsync($"/api/shops/{shop.Id}/workflow", new { workflowDefinitionId = (string?)null, version = shop.Version + 5 }), HttpStatusCode.Conflict);
            var pinned = await lead.PutAsJsonAsync($"/api/shops/{shop.Id}/workflow", new { workflowDefinitionId = (string?)null, version = shop.Version });
            Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        }

        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [shop.Id]);
        using (reviewer)
        {
            await ProblemAsync(await reviewer.PutAsJsonAsync($"/api/shops/{shop.Id}/workflow", new { workflowDefinitionId = (string?)null, version = shop.Version }), HttpStatusCode.Forbidden);
        }
    }

    [SkippableFact]
    public async Task A_person_changes_their_own_password_and_their_other_sessions_end()
    {
        var (name, client) = await SignedInAsAsync("Reviewer");
        using var here = client;
        using var elsewhere = await Server.CreateClientAsync(name, UserPassword);

        AssertNamesField(await ProblemAsync(await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-it-at-all", newPassword = "a-new-passphrase" }),
            HttpStatusCode.BadRequest), "currentPassword");
        AssertNamesField(await ProblemAsync(await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = UserPassword, newPassword = "short" }),
            HttpStatusCode.BadRequest), "newPassword");
        Assert.Equal(HttpStatusCode.NoContent, (await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = UserPassword, newPassword = "a-new-passphrase" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/review/queue")).StatusCode);
        await ProblemAsync(await elsewhere.GetAsync("/api/review/queue"), HttpStatusCode.Unauthorized);
        using var anonymous = await Server.CreateClientAsync();
        await ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = UserPassword }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = "a-new-passphrase" })).StatusCode);
    }

    [SkippableFact]
    public async Task A_disabled_user_is_signed_out_at_the_next_request_and_cannot_sign_in()
    {
        var user = await CreateUserAsync("OpsLead");
        using var client = await Server.CreateClientAsync(user, UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/goods")).StatusCode);

        var id = await UserIdAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/users/{id}", new { roles = OpsLeadOnly, disabled = true })).StatusCode);
        await ProblemAsync(await client.GetAsync("/api/goods"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = user, password = UserPassword }), HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Users_are_validated_and_the_last_admin_cannot_be_disabled()
    {
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/users", new { userName = Unique("u"), password = "short", roles = ReviewerOnly }), HttpStatusCode.BadRequest), "password");
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/users", new { userName = Unique("u"), password = UserPassword, roles = NoSuchRole }), HttpStatusCode.BadRequest), "roles");
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/users", new { userName = Unique("u"), password = UserPassword, roles = ReviewerOnly, shopIds = NoSuchShop }), HttpStatusCode.BadRequest), "shopIds");
        var existing = await CreateUserAsync("Reviewer");
        await ProblemAsync(await Client.PostAsJsonAsync("/api/users", new { userName = existing, password = UserPassword, roles = ReviewerOnly }), HttpStatusCode.Conflict);

        var admin = await UserIdAsync(SignIn.AdminName);
        var last = await ProblemAsync(await Client.PutAsJsonAsync($"/api/users/{admin}", new { roles = AdminOnly, disabled = true }), HttpStatusCode.Conflict);
        Assert.Equal("Last admin", last["title"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_integration_key_pushes_orders_to_its_own_shop_only_is_stored_hashed_and_stops_when_revoked()
    {
        var shop = await CreateShopAsync();
        var other = await CreateShopAsync();
        await CreateGoodsAsync(Unique("KEY-G"));
        var created = await Client.PostAsJsonAsync($"/api/shops/{shop.Id}/api-keys", new { name = "erp-sync" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var key = body["key"]!.GetValue<string>();
        var keyId = body["id"]!.GetValue<long>();

        using var integration = await Server.CreateClientAsync();
        integration.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.Created, (await integration.PostAsJsonAsync($"/api/shops/{shop.Id}/orders", PaidOrder(Unique("TID"), ("ANY", 1)), ServerFixture.Json)).StatusCode);
        var elsewhere = await ProblemAsync(await integration.PostAsJsonAsync($"/api/shops/{other.Id}/orders", PaidOrder(Unique("TID"), ("ANY", 1)), ServerFixture.Json), HttpStatusCode.Forbidden);
        Assert.Contains("own shop", elsewhere["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAsync(await integration.GetAsync("/api/orders"), HttpStatusCode.Forbidden);
        Assert.Equal(0, await CountOrdersAsync(other.Id));

        // Only a hash is kept: neither the key nor its secret part is anywhere in the row.
        var row = await Server.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId));
        Assert.Equal(32, row.Hash.Length);
        Assert.DoesNotContain(key[12..], Encoding.UTF8.GetString(row.Hash), StringComparison.Ordinal);
        Assert.Equal(key.Substring(4, 8), row.Prefix);
        var listed = (await Client.GetFromJsonAsync<JsonArray>($"/api/shops/{shop.Id}/api-keys"))!;
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);

        // The list names a key by how it starts, marker included, as whoever holds it can check.
        var shown = listed.Single(k => k!["id"]!.GetValue<long>() == keyId)!["prefix"]!.GetValue<string>();
        Assert.Equal(key[..12], shown);
        Assert.Equal(shown, body["prefix"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/shops/{shop.Id}/api-keys/{keyId}")).StatusCode);
        var revoked = await ProblemAsync(await integration.PostAsJsonAsync($"/api/shops/{shop.Id}/orders", PaidOrder(Unique("TID"), ("ANY", 1)), ServerFixture.Json), HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", revoked["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var forged = await Server.CreateClientAsync();
        forged.DefaultRequestHeaders.Add("X-Api-Key", "ork_" + key[4..12] + new string('A', 43));
        await ProblemAsync(await forged.PostAsJsonAsync($"/api/shops/{shop.Id}/orders", PaidOrder(Unique("TID"), ("ANY", 1)), ServerFixture.Json), HttpStatusCode.Unauthorized);
        Assert.Equal(1, await CountOrdersAsync(shop.Id));
    }

    private async Task<long> UserIdAsync(string userName) =>
        (await Client.GetFromJsonAsync<JsonArray>("/api/users"))!.Single(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<long>();
}
