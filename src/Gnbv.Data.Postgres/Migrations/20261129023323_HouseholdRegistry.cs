using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gnbv.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FromRegistry",
                table: "data_values",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Village = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Area = table.Column<int>(type: "integer", nullable: false),
                    HeadName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EthnicMinority = table.Column<bool>(type: "boolean", nullable: false),
                    PolicyGroups = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PovertyCauses = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_households_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "census_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PovertyStandardId = table.Column<int>(type: "integer", nullable: false),
                    Income = table.Column<long>(type: "bigint", nullable: true),
                    ScoreA = table.Column<int>(type: "integer", nullable: true),
                    DeprivedMask = table.Column<int>(type: "integer", nullable: false),
                    ScoreB = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    ExpectedEscape = table.Column<bool>(type: "boolean", nullable: false),
                    SupportPlan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_census_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_census_entries_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_census_entries_poverty_standards_PovertyStandardId",
                        column: x => x.PovertyStandardId,
                        principalTable: "poverty_standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: true),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    Relation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IsHead = table.Column<bool>(type: "boolean", nullable: false),
                    CitizenId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_members_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProgramItemId = table.Column<int>(type: "integer", nullable: true),
                    FundingSourceId = table.Column<int>(type: "integer", nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_records_funding_sources_FundingSourceId",
                        column: x => x.FundingSourceId,
                        principalTable: "funding_sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_records_household_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "household_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_support_records_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_support_records_program_items_ProgramItemId",
                        column: x => x.ProgramItemId,
                        principalTable: "program_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_census_entries_HouseholdId_Year",
                table: "census_entries",
                columns: new[] { "HouseholdId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_census_entries_PovertyStandardId",
                table: "census_entries",
                column: "PovertyStandardId");

            migrationBuilder.CreateIndex(
                name: "IX_census_entries_Year_Status",
                table: "census_entries",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_CitizenId",
                table: "household_members",
                column: "CitizenId",
                unique: true,
                filter: "\"CitizenId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_household_members_HouseholdId",
                table: "household_members",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_households_OrgUnitId_Code",
                table: "households",
                columns: new[] { "OrgUnitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_households_OrgUnitId_Village",
                table: "households",
                columns: new[] { "OrgUnitId", "Village" });

            migrationBuilder.CreateIndex(
                name: "IX_support_records_Date",
                table: "support_records",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_support_records_FundingSourceId",
                table: "support_records",
                column: "FundingSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_support_records_HouseholdId_Date",
                table: "support_records",
                columns: new[] { "HouseholdId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_support_records_MemberId",
                table: "support_records",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_support_records_ProgramItemId",
                table: "support_records",
                column: "ProgramItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "census_entries");

            migrationBuilder.DropTable(
                name: "support_records");

            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropColumn(
                name: "FromRegistry",
                table: "data_values");
        }
    }
}
