using System.Net;
using System.Net.Http.Json;
using Orchestrator.Domain.MasterData;
using Orchestrator.Server.Apis;
using Orchestrator.Server.Apis.Goods;
using Orchestrator.Server.Apis.LogisticsCompanies;
using Orchestrator.Server.Apis.Shops;
using Orchestrator.Server.Apis.Warehouses;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>Master data through HTTP, run on each real database.</summary>
public abstract class MasterDataApiTests(ServerFixture server) : ApiTestBase(server)
{
    [SkippableFact]
    public async Task Update_with_a_stale_version_is_a_409_conflict()
    {
        var goods = await CreateGoodsAsync(Unique("tea"));
        var first = goods with { };
        var edit = new GoodsRequest(goods.MerchantCode, null, "新名字", null, 0.5m, 120m, true, goods.Version);

        var ok = await Client.PutAsJsonAsync($"/api/goods/{goods.Id}", edit, ServerFixture.Json);
        var stale = await Client.PutAsJsonAsync($"/api/goods/{goods.Id}", edit with { Name = "另一个名字", Version = first.Version }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(goods.Version + 1, (await ServerFixture.ReadAsync<GoodsResponse>(ok)).Version);
        var problem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(goods.Version + 1, problem["currentVersion"]!.GetValue<int>());
        Assert.Equal("新名字", (await Client.GetFromJsonAsync<GoodsResponse>($"/api/goods/{goods.Id}", ServerFixture.Json))!.Name);
    }

    [SkippableFact]
    public async Task Two_editors_racing_on_one_version_get_one_success_and_one_409()
    {
        var warehouse = await CreateWarehouseAsync();
        var edits = Enumerable.Range(0, 6).Select(i => Client.PutAsJsonAsync($"/api/warehouses/{warehouse.Id}",
            new WarehouseRequest(warehouse.Code, $"仓库-{i}", "广东省", "广州市", null, $"路{i}号", null, null, true, warehouse.Version), ServerFixture.Json));

        var responses = await Task.WhenAll(edits);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [SkippableFact]
    public async Task Update_without_a_version_is_rejected_naming_it()
    {
        var goods = await CreateGoodsAsync(Unique("tea"));

        var response = await Client.PutAsJsonAsync($"/api/goods/{goods.Id}", new GoodsRequest(goods.MerchantCode, null, "x", null, 0, 0, true, null), ServerFixture.Json);

        AssertNamesField(await ProblemAsync(response, HttpStatusCode.BadRequest), "version");
    }

    [SkippableFact]
    public async Task Merchant_code_is_unique_among_goods_ignoring_case_and_spaces()
    {
        var goods = await CreateGoodsAsync(Unique("tea"));

        var response = await Client.PostAsJsonAsync("/api/goods", new GoodsRequest($" {goods.MerchantCode.ToLowerInvariant()} ", null, "重复", null, 0, 0, true, null), ServerFixture.Json);

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        AssertNamesField(problem, "merchantCode");
    }

    [SkippableFact]
    public async Task Combo_code_is_unique_among_combos_but_may_equal_a_goods_code()
    {
        var tea = await CreateGoodsAsync(Unique("tea"));
        var sharedCode = (await CreateGoodsAsync(Unique("set"))).MerchantCode;
        await CreateComboAsync(sharedCode, (tea.MerchantCode, 1));

        var again = await Client.PostAsJsonAsync("/api/combos", new { code = sharedCode, name = "重复套餐", items = new[] { new { merchantCode = tea.MerchantCode, quantity = 1 } } }, ServerFixture.Json);

        AssertNamesField(await ProblemAsync(again, HttpStatusCode.Conflict), "code");
    }

    [SkippableFact]
    public async Task Combo_with_unknown_goods_or_no_items_is_rejected_naming_the_item()
    {
        var unknown = await Client.PostAsJsonAsync("/api/combos", new { code = Unique("set"), name = "套餐", items = new[] { new { merchantCode = "NO-SUCH", quantity = 1 } } }, ServerFixture.Json);
        var empty = await Client.PostAsJsonAsync("/api/combos", new { code = Unique("set"), name = "套餐", items = Array.Empty<object>() }, ServerFixture.Json);
        var zero = await Client.PostAsJsonAsync("/api/combos", new { code = Unique("set"), name = "套餐", items = new[] { new { merchantCode = "X", quantity = 0 } } }, ServerFixture.Json);

        AssertNamesField(await ProblemAsync(unknown, HttpStatusCode.BadRequest), "items[0].merchantCode");
        AssertNamesField(await ProblemAsync(empty, HttpStatusCode.BadRequest), "items");
        AssertNamesField(await ProblemAsync(zero, HttpStatusCode.BadRequest), "items[0].quantity");
    }

    [SkippableFact]
    public async Task Shop_keeps_its_defaults_and_warehouse_strategy_in_priority_order()
    {
        var main = await CreateWarehouseAsync();
        var backup = await CreateWarehouseAsync();
        var carrier = await CreateCarrierAsync();
        var created = await Client.PostAsJsonAsync("/api/shops",
            new ShopRequest(Unique("jd"), "京东店", "jd", main.Id, carrier.Id, "京东-记账", "客服B", true, null), ServerFixture.Json);
        var shop = await ServerFixture.ReadAsync<ShopResponse>(created);

        var strategy = await Client.PutAsJsonAsync($"/api/shops/{shop.Id}/warehouse-strategy",
            new WarehouseStrategyRequest(true, [new WarehousePriority(backup.Id, 2), new WarehousePriority(main.Id, 1)], shop.Version), ServerFixture.Json);
        var read = await Client.GetFromJsonAsync<ShopResponse>($"/api/shops/{shop.Id}", ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, strategy.StatusCode);
        Assert.Equal(("jd", main.Id, carrier.Id, "京东-记账", "客服B"), (read!.Platform, read.DefaultWarehouseId!.Value, read.DefaultLogisticsCompanyId!.Value, read.AccountingPartner, read.DefaultEmployee));
        Assert.True(read.AllowOutOfStock);
        Assert.Equal([main.Id, backup.Id], read.Warehouses.Select(w => w.WarehouseId));
        Assert.Equal(shop.Version + 1, read.Version);
    }

    [SkippableFact]
    public async Task Strategy_naming_an_unknown_warehouse_is_rejected_and_changes_nothing()
    {
        var shop = await CreateShopAsync();

        var response = await Client.PutAsJsonAsync($"/api/shops/{shop.Id}/warehouse-strategy",
            new WarehouseStrategyRequest(false, [new WarehousePriority(999_999, 1)], shop.Version), ServerFixture.Json);

        AssertNamesField(await ProblemAsync(response, HttpStatusCode.BadRequest), "warehouses[0].warehouseId");
        Assert.Empty((await Client.GetFromJsonAsync<ShopResponse>($"/api/shops/{shop.Id}", ServerFixture.Json))!.Warehouses);
    }

    [SkippableFact]
    public async Task Shop_on_an_unknown_platform_or_warehouse_is_rejected_naming_each_field()
    {
        var response = await Client.PostAsJsonAsync("/api/shops", new ShopRequest(Unique("x"), "店", "ebay-ish", 999_999, null, null, null, true, null), ServerFixture.Json);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        AssertNamesField(problem, "platform");
        AssertNamesField(problem, "defaultWarehouseId");
    }

    [SkippableFact]
    public async Task Lists_page_and_filter()
    {
        var prefix = Unique("page");
        for (var i = 0; i < 5; i++)
        {
            await CreateGoodsAsync($"{prefix}-{i}", $"分页商品{i}");
        }

        var page = await Client.GetFromJsonAsync<Page<GoodsResponse>>($"/api/goods?q={prefix}&page=2&pageSize=2", ServerFixture.Json);
        var exact = await Client.GetFromJsonAsync<Page<GoodsResponse>>($"/api/goods?merchantCode={prefix.ToLowerInvariant()}-3", ServerFixture.Json);
        var badSize = await Client.GetAsync("/api/goods?pageSize=1000");

        Assert.Equal((5, 2, 2), (page!.Total, page.PageNumber, page.Items.Count));
        Assert.Equal($"{prefix}-2", page.Items[0].MerchantCode);
        Assert.Equal($"{prefix}-3", Assert.Single(exact!.Items).MerchantCode);
        AssertNamesField(await ProblemAsync(badSize, HttpStatusCode.BadRequest), "pageSize");
    }

    [SkippableFact]
    public async Task Carriers_filter_by_waybill_provider()
    {
        var carrier = await CreateCarrierAsync(WaybillProviderKind.JD);

        var jd = await Client.GetFromJsonAsync<Page<LogisticsCompanyResponse>>("/api/logistics-companies?waybillProvider=JD&pageSize=200", ServerFixture.Json);

        Assert.Contains(jd!.Items, c => c.Id == carrier.Id);
        Assert.All(jd.Items, c => Assert.Equal(WaybillProviderKind.JD, c.WaybillProvider));
    }

    [SkippableFact]
    public async Task Missing_record_is_a_404_problem()
    {
        var problem = await ProblemAsync(await Client.GetAsync("/api/warehouses/424242"), HttpStatusCode.NotFound);

        Assert.Contains("424242", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<WarehouseResponse> CreateWarehouseAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/warehouses", new WarehouseRequest(Unique("wh"), "广州仓", "广东省", "广州市", "白云区", "太和镇88号", "李仓管", "13800000002", true, null), ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ServerFixture.ReadAsync<WarehouseResponse>(response);
    }

    private async Task<LogisticsCompanyResponse> CreateCarrierAsync(WaybillProviderKind provider = WaybillProviderKind.SF)
    {
        var response = await Client.PostAsJsonAsync("/api/logistics-companies", new LogisticsCompanyRequest(Unique("lc"), "顺丰速运", "SF", true, provider, true, null), ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ServerFixture.ReadAsync<LogisticsCompanyResponse>(response);
    }
}

public sealed class SqliteMasterDataApiTests(SqliteServerFixture server) : MasterDataApiTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgreSqlMasterDataApiTests(PostgreSqlServerFixture server) : MasterDataApiTests(server), IClassFixture<PostgreSqlServerFixture>;
