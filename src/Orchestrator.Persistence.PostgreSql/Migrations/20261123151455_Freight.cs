using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Orchestrator.Persistence.PostgreSql.Migrations
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
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FreightFee",
                table: "SalesOrders",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsWeightOutOfTolerance",
                table: "SalesOrders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "FreightRates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LogisticsCompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Province = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstWeightKg = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    FirstFee = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    AdditionalUnitKg = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    AdditionalFee = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
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
