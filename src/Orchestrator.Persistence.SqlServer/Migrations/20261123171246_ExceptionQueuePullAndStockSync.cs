using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ExceptionQueuePullAndStockSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExceptionQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    ShopId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Bookmark = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StatusBefore = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RaisedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolvedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Resolution = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
                name: "ShopPullStates",
                columns: table => new
                {
                    ShopId = table.Column<long>(type: "bigint", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "int", nullable: true),
                    Cursor = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastRunAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "int", nullable: false),
                    LastOrdersTaken = table.Column<int>(type: "int", nullable: false),
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GoodsId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ShopId = table.Column<long>(type: "bigint", nullable: false),
                    MerchantCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NormalizedMerchantCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    IsPending = table.Column<bool>(type: "bit", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastPushedQuantity = table.Column<int>(type: "int", nullable: true),
                    LastPushedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    IsEnabled = table.Column<bool>(type: "bit", nullable: false),
                    Ratio = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    MinimumQuantity = table.Column<int>(type: "int", nullable: false)
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
                name: "ShopPullStates");

            migrationBuilder.DropTable(
                name: "StockChanges");

            migrationBuilder.DropTable(
                name: "StockSyncItems");

            migrationBuilder.DropTable(
                name: "StockSyncSettings");
        }
    }
}
