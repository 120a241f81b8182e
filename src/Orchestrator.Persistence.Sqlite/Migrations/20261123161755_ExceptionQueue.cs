using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExceptionQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExceptionQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ShopId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Bookmark = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StatusBefore = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExceptionQueue");
        }
    }
}
