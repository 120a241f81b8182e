using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Orchestrator.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FulfilmentQueuesSyncAndFloor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CancelAttempts",
                table: "Waybills",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CancelError",
                table: "Waybills",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Waybills",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelRequestedAt",
                table: "Waybills",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "Waybills",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextCancelAttemptAt",
                table: "Waybills",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PackageId",
                table: "Waybills",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AllowSplitPackages",
                table: "Shops",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ExceptionQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    ShopId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Bookmark = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StatusBefore = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExceptionQueue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExceptionQueue_SalesOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Packages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TrackingNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WeightKg = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Packages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Packages_SalesOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Packages_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PickLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WarehouseId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ShopId = table.Column<long>(type: "bigint", nullable: true),
                    LogisticsCompanyId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PickLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PickLists_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShopPullStates",
                columns: table => new
                {
                    ShopId = table.Column<long>(type: "bigint", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: true),
                    Cursor = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastRunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    LastOrdersTaken = table.Column<int>(type: "integer", nullable: false),
                    TotalOrdersTaken = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopPullStates", x => x.ShopId);
                    table.ForeignKey(
                        name: "FK_ShopPullStates_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StockChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GoodsId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockSyncItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopId = table.Column<long>(type: "bigint", nullable: false),
                    MerchantCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NormalizedMerchantCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsPending = table.Column<bool>(type: "boolean", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastPushedQuantity = table.Column<int>(type: "integer", nullable: true),
                    LastPushedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockSyncItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockSyncItems_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StockSyncSettings",
                columns: table => new
                {
                    ShopId = table.Column<long>(type: "bigint", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Ratio = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    MinimumQuantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockSyncSettings", x => x.ShopId);
                    table.ForeignKey(
                        name: "FK_StockSyncSettings_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PackageLine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PackageId = table.Column<long>(type: "bigint", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    GoodsId = table.Column<long>(type: "bigint", nullable: false),
                    MerchantCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Scanned = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackageLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackageLine_Goods_GoodsId",
                        column: x => x.GoodsId,
                        principalTable: "Goods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PackageLine_Packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "Packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PickListOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PickListId = table.Column<long>(type: "bigint", nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    WarehouseId = table.Column<long>(type: "bigint", nullable: false),
                    OpenOrderId = table.Column<long>(type: "bigint", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PickListOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PickListOrders_PickLists_PickListId",
                        column: x => x.PickListId,
                        principalTable: "PickLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PickListOrders_SalesOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_CancelledAt_NextCancelAttemptAt",
                table: "Waybills",
                columns: new[] { "CancelledAt", "NextCancelAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionQueue_OpenPerOrder",
                table: "ExceptionQueue",
                column: "OrderId",
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionQueue_OrderId_RaisedAt",
                table: "ExceptionQueue",
                columns: new[] { "OrderId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionQueue_ResolvedAt_Kind_ShopId",
                table: "ExceptionQueue",
                columns: new[] { "ResolvedAt", "Kind", "ShopId" });

            migrationBuilder.CreateIndex(
                name: "IX_PackageLine_GoodsId",
                table: "PackageLine",
                column: "GoodsId");

            migrationBuilder.CreateIndex(
                name: "IX_PackageLine_PackageId",
                table: "PackageLine",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_Packages_OrderId_Sequence",
                table: "Packages",
                columns: new[] { "OrderId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Packages_WarehouseId_Status",
                table: "Packages",
                columns: new[] { "WarehouseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PickListOrders_OpenOrderId_WarehouseId",
                table: "PickListOrders",
                columns: new[] { "OpenOrderId", "WarehouseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PickListOrders_OrderId",
                table: "PickListOrders",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PickListOrders_PickListId",
                table: "PickListOrders",
                column: "PickListId");

            migrationBuilder.CreateIndex(
                name: "IX_PickLists_WarehouseId_Status",
                table: "PickLists",
                columns: new[] { "WarehouseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_StockSyncItems_IsPending_NextAttemptAt",
                table: "StockSyncItems",
                columns: new[] { "IsPending", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StockSyncItems_NormalizedMerchantCode",
                table: "StockSyncItems",
                column: "NormalizedMerchantCode");

            migrationBuilder.CreateIndex(
                name: "IX_StockSyncItems_ShopId_NormalizedMerchantCode",
                table: "StockSyncItems",
                columns: new[] { "ShopId", "NormalizedMerchantCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExceptionQueue");

            migrationBuilder.DropTable(
                name: "PackageLine");

            migrationBuilder.DropTable(
                name: "PickListOrders");

            migrationBuilder.DropTable(
                name: "ShopPullStates");

            migrationBuilder.DropTable(
                name: "StockChanges");

            migrationBuilder.DropTable(
                name: "StockSyncItems");

            migrationBuilder.DropTable(
                name: "StockSyncSettings");

            migrationBuilder.DropTable(
                name: "Packages");

            migrationBuilder.DropTable(
                name: "PickLists");

            migrationBuilder.DropIndex(
                name: "IX_Waybills_CancelledAt_NextCancelAttemptAt",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "CancelAttempts",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "CancelError",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "CancelRequestedAt",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "NextCancelAttemptAt",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "PackageId",
                table: "Waybills");

            migrationBuilder.DropColumn(
                name: "AllowSplitPackages",
                table: "Shops");
        }
    }
}
