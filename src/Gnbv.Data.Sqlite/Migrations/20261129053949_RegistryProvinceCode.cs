using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gnbv.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistryProvinceCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "support_records",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "household_members",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "census_entries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Backfill (the one addition to the generated code, ADR 008): households from their
            // commune, then the registry's rows from their household. Same SQL on both providers.
            migrationBuilder.Sql("""
                UPDATE households SET "ProvinceCode" = u."ProvinceCode" FROM org_units u
                WHERE u."Id" = households."OrgUnitId" AND households."ProvinceCode" IS DISTINCT FROM u."ProvinceCode";
                """);
            foreach (var table in new[] { "household_members", "census_entries", "support_records" })
                migrationBuilder.Sql($"""
                    UPDATE {table} SET "ProvinceCode" = h."ProvinceCode" FROM households h
                    WHERE h."Id" = {table}."HouseholdId" AND h."ProvinceCode" IS NOT NULL;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "support_records");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "household_members");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "census_entries");
        }
    }
}
