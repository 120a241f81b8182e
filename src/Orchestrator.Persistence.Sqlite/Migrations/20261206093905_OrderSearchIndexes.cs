using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_PlatformOrderId",
                table: "SalesOrders",
                column: "PlatformOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_ReceiverMobile",
                table: "SalesOrders",
                column: "ReceiverMobile");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_ReceiverName",
                table: "SalesOrders",
                column: "ReceiverName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_PlatformOrderId",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_ReceiverMobile",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_ReceiverName",
                table: "SalesOrders");
        }
    }
}
