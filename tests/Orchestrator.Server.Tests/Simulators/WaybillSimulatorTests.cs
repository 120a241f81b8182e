using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Simulators;

/// <summary>The e-waybill simulator keeps the carriers' promise the server relies on: one number per key, in the carrier's format.</summary>
public sealed class WaybillSimulatorTests : IAsyncLifetime
{
    private WaybillSimulatorHost _simulator = null!;

    private HttpClient Client => _simulator.Client;

    public async Task InitializeAsync() => _simulator = await WaybillSimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task SF_answers_a_repeated_orderId_with_the_same_waybill_and_a_new_one_with_another()
    {
        var first = await SfCreateAsync("order-1");
        var again = await SfCreateAsync("order-1");
        var other = await SfCreateAsync("order-2");

        Assert.Matches("^SF[0-9]{13}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(1, (await _simulator.WaybillsAsync("SF")).Single(w => w["key"]!.GetValue<string>() == "order-1")["repeats"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cainiao_numbers_follow_the_cp_code_and_repeat_per_object_id()
    {
        var yto = await CainiaoGetAsync("YTO", "pkg-1");
        var again = await CainiaoGetAsync("YTO", "pkg-1");
        var zto = await CainiaoGetAsync("ZTO", "pkg-2");

        Assert.Matches("^YT[0-9]{13}$", yto);
        Assert.Equal(yto, again);
        Assert.Matches("^7[0-9]{13}$", zto);
    }

    [Fact]
    public async Task JD_numbers_are_JDVA_and_eleven_digits()
    {
        var reply = await PostAsync("/jd/etms/waybillcode/get", new JsonObject { ["customerCode"] = "010K123", ["orderId"] = "jd-1" });

        Assert.Equal(100, reply["resultInfo"]!["code"]!.GetValue<int>());
        Assert.Matches("^JDVA[0-9]{11}$", reply["resultInfo"]!["deliveryIdList"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Fifty_concurrent_requests_with_one_key_get_one_number()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SfCreateAsync("raced")));

        Assert.Single(numbers.Distinct());
        Assert.Single(await _simulator.WaybillsAsync("SF"), w => w["key"]!.GetValue<string>() == "raced");
    }

    [Fact]
    public async Task A_cancelled_SF_orderId_can_never_be_used_again()
    {
        var number = await SfCreateAsync("cancel-me");
        var cancel = await PostAsync("/sf/std/service/EXP_RECE_UPDATE_ORDER", new JsonObject
        {
            ["orderId"] = "cancel-me",
            ["dealType"] = 2,
            ["waybillNoInfoList"] = new JsonArray(new JsonObject { ["waybillType"] = 1, ["waybillNo"] = number }),
        });
        Assert.True(cancel["success"]!.GetValue<bool>());

        var reused = await PostAsync("/sf/std/service/EXP_RECE_CREATE_ORDER", new JsonObject { ["orderId"] = "cancel-me" });

        Assert.False(reused["success"]!.GetValue<bool>());
        Assert.Equal("8016", reused["errorCode"]!.GetValue<string>());
        Assert.NotNull((await _simulator.WaybillsAsync("SF")).Single(w => w["key"]!.GetValue<string>() == "cancel-me")["cancelledAt"]);
    }

    [Fact]
    public async Task Injected_failures_answer_500_for_that_many_requests_of_that_provider_only()
    {
        await _simulator.InjectAsync(new JsonObject { ["provider"] = "SF", ["fail"] = 2 });

        var jd = await Client.PostAsJsonAsync("/jd/etms/waybillcode/get", new JsonObject { ["orderId"] = "jd-unaffected" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Client.PostAsJsonAsync("/sf/std/service/EXP_RECE_CREATE_ORDER", new JsonObject { ["orderId"] = "flaky" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, jd.StatusCode);
        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
        Assert.Single(await _simulator.WaybillsAsync("SF"), w => w["key"]!.GetValue<string>() == "flaky");
    }

    [Fact]
    public async Task An_injected_delay_answers_late_with_the_number_already_issued()
    {
        await _simulator.InjectAsync(new JsonObject { ["provider"] = "SF", ["delay"] = 1, ["delaySeconds"] = 2 });
        using var impatient = new HttpClient { BaseAddress = _simulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() =>
            impatient.PostAsJsonAsync("/sf/std/service/EXP_RECE_CREATE_ORDER", new JsonObject { ["orderId"] = "slow" }));
        var issued = (await _simulator.WaybillsAsync("SF")).Single(w => w["key"]!.GetValue<string>() == "slow");

        Assert.Equal(issued["trackingNumber"]!.GetValue<string>(), await SfCreateAsync("slow"));
    }

    private async Task<string> SfCreateAsync(string orderId)
    {
        var reply = await PostAsync("/sf/std/service/EXP_RECE_CREATE_ORDER", new JsonObject { ["orderId"] = orderId, ["expressTypeId"] = 1 });
        Assert.True(reply["success"]!.GetValue<bool>(), reply.ToJsonString());
        return reply["msgData"]!["waybillNoInfoList"]![0]!["waybillNo"]!.GetValue<string>();
    }

    private async Task<string> CainiaoGetAsync(string cpCode, string objectId)
    {
        var reply = await PostAsync("/cainiao/waybill/ii/get", new JsonObject
        {
            ["cp_code"] = cpCode,
            ["trade_order_info_dtos"] = new JsonArray(new JsonObject { ["object_id"] = objectId, ["package_info"] = new JsonObject { ["id"] = "1" } }),
        });
        return reply["modules"]![0]!["waybill_code"]!.GetValue<string>();
    }

    private async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        var response = await Client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
