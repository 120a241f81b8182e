using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BacklogListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_ShopId_WaitingFor_CreatedAt_Id",
                table: "WorkflowInstances",
                columns: new[] { "ShopId", "WaitingFor", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_WaitingFor_CreatedAt_Id",
                table: "WorkflowInstances",
                columns: new[] { "WaitingFor", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_WaitingFor_UpdatedAt",
                table: "WorkflowInstances",
                columns: new[] { "WaitingFor", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_ShopId_Status_Id",
                table: "SalesOrders",
                columns: new[] { "ShopId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_WarehouseId_Status_PayTime",
                table: "SalesOrders",
                columns: new[] { "WarehouseId", "Status", "PayTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_ShopId_WaitingFor_CreatedAt_Id",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_WaitingFor_CreatedAt_Id",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_WaitingFor_UpdatedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_ShopId_Status_Id",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_WarehouseId_Status_PayTime",
                table: "SalesOrders");
        }
    }
}
