using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Freight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ExpectedWeightKg",
                table: "SalesOrders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FreightFee",
                table: "SalesOrders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsWeightOutOfTolerance",
                table: "SalesOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "FreightRates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LogisticsCompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstWeightKg = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    FirstFee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    AdditionalUnitKg = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    AdditionalFee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FreightRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FreightRates_LogisticsCompanies_LogisticsCompanyId",
                        column: x => x.LogisticsCompanyId,
                        principalTable: "LogisticsCompanies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FreightRates_LogisticsCompanyId_Province",
                table: "FreightRates",
                columns: new[] { "LogisticsCompanyId", "Province" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FreightRates");

            migrationBuilder.DropColumn(
                name: "ExpectedWeightKg",
                table: "SalesOrders");

            migrationBuilder.DropColumn(
                name: "FreightFee",
                table: "SalesOrders");

            migrationBuilder.DropColumn(
                name: "IsWeightOutOfTolerance",
                table: "SalesOrders");
        }
    }
}
