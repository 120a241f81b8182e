using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OrderSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ReceiverName",
                table: "SalesOrders",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "ReceiverMobile",
                table: "SalesOrders",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

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

            migrationBuilder.AlterColumn<string>(
                name: "ReceiverName",
                table: "SalesOrders",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "ReceiverMobile",
                table: "SalesOrders",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);
        }
    }
}
