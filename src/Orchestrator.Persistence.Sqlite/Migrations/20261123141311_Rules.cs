using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Rules : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BuyerBlacklist");

            migrationBuilder.DropTable(
                name: "RuleSetVersions");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_BuyerNick_ReceivedAt",
                table: "SalesOrders");

            migrationBuilder.DropColumn(
                name: "AddressChangedAfterPayment",
                table: "SalesOrders");
        }
    }
}
