using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// Master data read from memory stays right: a change saved through a context of this process drops the cache once it
/// commits (not before, not on a rollback), and a change made elsewhere (another server, by hand) is seen within the
/// maximum age.
/// </summary>
public sealed class ReferenceDataCacheTests : IAsyncLifetime
{
    private readonly string _path = TempSqliteFile.NewPath("reference");
    private readonly ManualClock _clock = new();
    private readonly ReferenceDataCache _cache;
    private readonly DbContextOptions<OrchestratorDbContext> _options;
    private long _shopId;

    public ReferenceDataCacheTests()
    {
        _cache = new ReferenceDataCache(_clock, new ReferenceDataOptions { MaxAgeSeconds = 2 });
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = _path }.ToString()).AddInterceptors(new ReferenceDataChanges(_cache));
        _options = builder.Options;
    }

    public async Task InitializeAsync()
    {
        await using var db = new OrchestratorDbContext(_options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var platform = new Platform { Code = "cachetest", Name = "缓存测试" };
        db.Platforms.Add(platform);
        await db.SaveChangesAsync();
        var shop = new Shop { Code = "SHOP-1", Name = "测试店铺", PlatformId = platform.Id };
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        _shopId = shop.Id;
    }

    [Fact]
    public async Task A_saved_change_is_seen_at_once()
    {
        await using var db = new OrchestratorDbContext(_options);
        Assert.False((await _cache.ShopAsync(db, _shopId, default))!.AllowOutOfStock);

        var shop = await db.Shops.FirstAsync(s => s.Id == _shopId);
        shop.AllowOutOfStock = true;
        await db.SaveChangesAsync();

        Assert.True((await _cache.ShopAsync(db, _shopId, default))!.AllowOutOfStock);
    }

    [Fact]
    public async Task A_change_inside_a_transaction_drops_the_cache_at_its_commit_and_a_rolled_back_one_changes_nothing()
    {
        await using var db = new OrchestratorDbContext(_options);
        await using var reader = new OrchestratorDbContext(_options);
        Assert.False((await _cache.ShopAsync(reader, _shopId, default))!.AllowSplitPackages);

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            (await db.Shops.FirstAsync(s => s.Id == _shopId)).AllowSplitPackages = true;
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        Assert.False((await _cache.ShopAsync(reader, _shopId, default))!.AllowSplitPackages);

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            (await db.Shops.FirstAsync(s => s.Id == _shopId)).AllowSplitPackages = true;
            await db.SaveChangesAsync();

            // Read (and cached again) between the save and the commit: the commit must still drop it.
            Assert.False((await _cache.ShopAsync(reader, _shopId, default))!.AllowSplitPackages);
            await committed.CommitAsync();
        }

        Assert.True((await _cache.ShopAsync(reader, _shopId, default))!.AllowSplitPackages);
    }

    [Fact]
    public async Task A_change_this_process_did_not_save_is_seen_after_the_maximum_age()
    {
        await using var db = new OrchestratorDbContext(_options);
        Assert.False((await _cache.ShopAsync(db, _shopId, default))!.AllowOutOfStock);

        // As another server of the cluster would: no context of this process saw it.
        await db.Shops.Where(s => s.Id == _shopId).ExecuteUpdateAsync(set => set.SetProperty(s => s.AllowOutOfStock, true));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await _cache.ShopAsync(db, _shopId, default))!.AllowOutOfStock);

        _clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True((await _cache.ShopAsync(db, _shopId, default))!.AllowOutOfStock);
    }

    [Fact]
    public async Task Goods_weights_are_read_once_and_again_after_a_change()
    {
        await using var db = new OrchestratorDbContext(_options);
        var goods = new Orchestrator.Domain.Catalog.Goods { MerchantCode = "W-1", Name = "茶", WeightKg = 0.5m };
        db.Goods.Add(goods);
        await db.SaveChangesAsync();

        Assert.Equal(0.5m, (await _cache.GoodsWeightsAsync(db, [goods.Id, goods.Id, 999_999], default))[goods.Id]);
        await db.Goods.Where(g => g.Id == goods.Id).ExecuteUpdateAsync(set => set.SetProperty(g => g.WeightKg, 0.7m));
        Assert.Equal(0.5m, (await _cache.GoodsWeightsAsync(db, [goods.Id], default))[goods.Id]);

        goods.Name = "新茶";
        await db.SaveChangesAsync();
        Assert.Equal(0.7m, (await _cache.GoodsWeightsAsync(db, [goods.Id], default))[goods.Id]);
    }

    public Task DisposeAsync()
    {
        TempSqliteFile.Delete(_path);

        return Task.CompletedTask;
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
