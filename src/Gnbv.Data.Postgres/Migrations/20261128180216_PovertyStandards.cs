using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gnbv.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PovertyStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "poverty_standards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    IncomeLineRural = table.Column<long>(type: "bigint", nullable: false),
                    IncomeLineUrban = table.Column<long>(type: "bigint", nullable: false),
                    AverageUpperRural = table.Column<long>(type: "bigint", nullable: true),
                    AverageUpperUrban = table.Column<long>(type: "bigint", nullable: true),
                    ScoreALineRural = table.Column<int>(type: "integer", nullable: true),
                    ScoreALineUrban = table.Column<int>(type: "integer", nullable: true),
                    PoorMinDeprivations = table.Column<int>(type: "integer", nullable: false),
                    PointsPerDeprivation = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_poverty_standards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deprivation_indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PovertyStandardId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Sort = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deprivation_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deprivation_indicators_poverty_standards_PovertyStandardId",
                        column: x => x.PovertyStandardId,
                        principalTable: "poverty_standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deprivation_indicators_PovertyStandardId_Code",
                table: "deprivation_indicators",
                columns: new[] { "PovertyStandardId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_poverty_standards_Code",
                table: "poverty_standards",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deprivation_indicators");

            migrationBuilder.DropTable(
                name: "poverty_standards");
        }
    }
}
