using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WarehouseFloor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CancelAttempts",
                table: "Waybills",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CancelError",
                table: "Waybills",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Waybills",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelRequestedAt",
                table: "Waybills",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "Waybills",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextCancelAttemptAt",
                table: "Waybills",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_CancelledAt_NextCancelAttemptAt",
                table: "Waybills",
                columns: new[] { "CancelledAt", "NextCancelAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
