using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InventoryAndRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AddressChangedAfterPayment",
                table: "SalesOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BuyerBlacklist",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerNick = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NormalizedBuyerNick = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuyerBlacklist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BuyerBlacklist_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RuleSetVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScopeKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScopeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSetVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WarehouseId = table.Column<long>(type: "INTEGER", nullable: false),
                    GoodsId = table.Column<long>(type: "INTEGER", nullable: false),
                    OnHand = table.Column<int>(type: "INTEGER", nullable: false),
                    Reserved = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockItems", x => x.Id);
                    table.CheckConstraint("CK_StockItems_NotNegative", "\"OnHand\" >= 0 AND \"Reserved\" >= 0");
                    table.ForeignKey(
                        name: "FK_StockItems_Goods_GoodsId",
                        column: x => x.GoodsId,
                        principalTable: "Goods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockItems_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WarehouseId = table.Column<long>(type: "INTEGER", nullable: false),
                    GoodsId = table.Column<long>(type: "INTEGER", nullable: false),
                    Delta = table.Column<int>(type: "INTEGER", nullable: false),
                    OnHandAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockMovements_Goods_GoodsId",
                        column: x => x.GoodsId,
                        principalTable: "Goods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockMovements_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_BuyerNick_ReceivedAt",
                table: "SalesOrders",
                columns: new[] { "BuyerNick", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BuyerBlacklist_PlatformId_NormalizedBuyerNick",
                table: "BuyerBlacklist",
                columns: new[] { "PlatformId", "NormalizedBuyerNick" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleSetVersions_ScopeKind_ScopeId_Version",
                table: "RuleSetVersions",
                columns: new[] { "ScopeKind", "ScopeId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockItems_GoodsId",
                table: "StockItems",
                column: "GoodsId");

            migrationBuilder.CreateIndex(
                name: "IX_StockItems_WarehouseId_GoodsId",
                table: "StockItems",
                columns: new[] { "WarehouseId", "GoodsId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_GoodsId",
                table: "StockMovements",
                column: "GoodsId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_WarehouseId_GoodsId_At",
                table: "StockMovements",
                columns: new[] { "WarehouseId", "GoodsId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BuyerBlacklist");

            migrationBuilder.DropTable(
                name: "RuleSetVersions");

            migrationBuilder.DropTable(
                name: "StockItems");

            migrationBuilder.DropTable(
                name: "StockMovements");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_BuyerNick_ReceivedAt",
                table: "SalesOrders");

            migrationBuilder.DropColumn(
                name: "AddressChangedAfterPayment",
                table: "SalesOrders");
        }
    }
}
