using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PullRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LastOrdersRefused",
                table: "ShopPullStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "TotalOrdersRefused",
                table: "ShopPullStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "PullRefusals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShopId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlatformOrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PlatformModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstRefusedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRefusedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Times = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PullRefusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PullRefusals_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PullRefusals_ShopId_LastRefusedAt",
                table: "PullRefusals",
                columns: new[] { "ShopId", "LastRefusedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PullRefusals_ShopId_PlatformOrderId",
                table: "PullRefusals",
                columns: new[] { "ShopId", "PlatformOrderId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PullRefusals");

            migrationBuilder.DropColumn(
                name: "LastOrdersRefused",
                table: "ShopPullStates");

            migrationBuilder.DropColumn(
                name: "TotalOrdersRefused",
                table: "ShopPullStates");
        }
    }
}
