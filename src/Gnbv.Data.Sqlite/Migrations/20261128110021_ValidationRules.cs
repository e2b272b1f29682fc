using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gnbv.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ValidationRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "validation_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Left = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Right = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Tolerance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 6, nullable: true),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PeriodTypes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_validation_rules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_validation_rules_Code",
                table: "validation_rules",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "validation_rules");
        }
    }
}
