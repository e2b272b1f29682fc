using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gnbv.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditAndDataSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_OrgUnitId_PeriodId",
                table: "submissions");

            migrationBuilder.AddColumn<string>(
                name: "DataSet",
                table: "submissions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "values");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "data_value_changes",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_sets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_OrgUnitId_PeriodId_DataSet",
                table: "submissions",
                columns: new[] { "OrgUnitId", "PeriodId", "DataSet" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Entity_EntityKey",
                table: "audit_entries",
                columns: new[] { "Entity", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_OrgUnitId_ChangedAt",
                table: "audit_entries",
                columns: new[] { "OrgUnitId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_data_sets_Code",
                table: "data_sets",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "data_sets");

            migrationBuilder.DropIndex(
                name: "IX_submissions_OrgUnitId_PeriodId_DataSet",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "DataSet",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "data_value_changes");

            migrationBuilder.CreateIndex(
                name: "IX_submissions_OrgUnitId_PeriodId",
                table: "submissions",
                columns: new[] { "OrgUnitId", "PeriodId" },
                unique: true);
        }
    }
}
