using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestrator.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PackageVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Packages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Packages");
        }
    }
}
