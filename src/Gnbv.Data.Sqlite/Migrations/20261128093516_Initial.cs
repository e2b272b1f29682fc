using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gnbv.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_value_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    DisaggregationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OldValue = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: true),
                    NewValue = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: true),
                    OldComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_value_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disaggregations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disaggregations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "funding_sources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OfficialCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SuccessorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_units_org_units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_org_units_org_units_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "periods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "program_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProgramCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_program_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_program_items_program_items_ParentId",
                        column: x => x.ParentId,
                        principalTable: "program_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuerUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_org_units_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_sections_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_report_sections_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disbursements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    FundingSourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountDong = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disbursements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disbursements_funding_sources_FundingSourceId",
                        column: x => x.FundingSourceId,
                        principalTable: "funding_sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_disbursements_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_disbursements_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_disbursements_program_items_ProgramItemId",
                        column: x => x.ProgramItemId,
                        principalTable: "program_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UnitOfMeasure = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ValueType = table.Column<int>(type: "INTEGER", nullable: false),
                    Aggregation = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicators_program_items_ProgramItemId",
                        column: x => x.ProgramItemId,
                        principalTable: "program_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "works",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ProgramItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsNew = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: true),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: true),
                    BudgetDong = table.Column<long>(type: "INTEGER", nullable: true),
                    DisbursedDong = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_works", x => x.Id);
                    table.ForeignKey(
                        name: "FK_works_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_works_program_items_ProgramItemId",
                        column: x => x.ProgramItemId,
                        principalTable: "program_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capital_allocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    FundingSourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedOverFromYear = table.Column<int>(type: "INTEGER", nullable: true),
                    AmountDong = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capital_allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capital_allocations_documents_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_capital_allocations_funding_sources_FundingSourceId",
                        column: x => x.FundingSourceId,
                        principalTable: "funding_sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capital_allocations_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capital_allocations_program_items_ProgramItemId",
                        column: x => x.ProgramItemId,
                        principalTable: "program_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_program_items",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_program_items", x => new { x.DocumentId, x.ProgramItemId });
                    table.ForeignKey(
                        name: "FK_document_program_items_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_document_program_items_program_items_ProgramItemId",
                        column: x => x.ProgramItemId,
                        principalTable: "program_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    DisaggregationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_data_values_disaggregations_DisaggregationId",
                        column: x => x.DisaggregationId,
                        principalTable: "disaggregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_data_values_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_data_values_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_data_values_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_disaggregations",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    DisaggregationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_disaggregations", x => new { x.IndicatorId, x.DisaggregationId });
                    table.ForeignKey(
                        name: "FK_indicator_disaggregations_disaggregations_DisaggregationId",
                        column: x => x.DisaggregationId,
                        principalTable: "disaggregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_disaggregations_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    DisaggregationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_targets_disaggregations_DisaggregationId",
                        column: x => x.DisaggregationId,
                        principalTable: "disaggregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_targets_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_targets_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_capital_allocations_DecisionId",
                table: "capital_allocations",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_capital_allocations_FundingSourceId",
                table: "capital_allocations",
                column: "FundingSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_capital_allocations_OrgUnitId_ProgramItemId_FundingSourceId_Year_CarriedOverFromYear",
                table: "capital_allocations",
                columns: new[] { "OrgUnitId", "ProgramItemId", "FundingSourceId", "Year", "CarriedOverFromYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_capital_allocations_ProgramItemId",
                table: "capital_allocations",
                column: "ProgramItemId");

            migrationBuilder.CreateIndex(
                name: "IX_data_value_changes_IndicatorId_OrgUnitId_PeriodId",
                table: "data_value_changes",
                columns: new[] { "IndicatorId", "OrgUnitId", "PeriodId" });

            migrationBuilder.CreateIndex(
                name: "IX_data_values_DisaggregationId",
                table: "data_values",
                column: "DisaggregationId");

            migrationBuilder.CreateIndex(
                name: "IX_data_values_IndicatorId_DisaggregationId_OrgUnitId_PeriodId",
                table: "data_values",
                columns: new[] { "IndicatorId", "DisaggregationId", "OrgUnitId", "PeriodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_values_OrgUnitId_PeriodId",
                table: "data_values",
                columns: new[] { "OrgUnitId", "PeriodId" });

            migrationBuilder.CreateIndex(
                name: "IX_data_values_PeriodId",
                table: "data_values",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_disaggregations_Code",
                table: "disaggregations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_FundingSourceId",
                table: "disbursements",
                column: "FundingSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_OrgUnitId_ProgramItemId_FundingSourceId_PeriodId",
                table: "disbursements",
                columns: new[] { "OrgUnitId", "ProgramItemId", "FundingSourceId", "PeriodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_PeriodId",
                table: "disbursements",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_ProgramItemId",
                table: "disbursements",
                column: "ProgramItemId");

            migrationBuilder.CreateIndex(
                name: "IX_document_program_items_ProgramItemId",
                table: "document_program_items",
                column: "ProgramItemId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_IssuerUnitId",
                table: "documents",
                column: "IssuerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_Number_IssuedOn",
                table: "documents",
                columns: new[] { "Number", "IssuedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_sources_Code",
                table: "funding_sources",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_import_runs_Sha256",
                table: "import_runs",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_disaggregations_DisaggregationId",
                table: "indicator_disaggregations",
                column: "DisaggregationId");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_Code",
                table: "indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_ProgramItemId",
                table: "indicators",
                column: "ProgramItemId");

            migrationBuilder.CreateIndex(
                name: "IX_org_units_Code",
                table: "org_units",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_units_OfficialCode",
                table: "org_units",
                column: "OfficialCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_units_ParentId",
                table: "org_units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_org_units_Path",
                table: "org_units",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_org_units_SuccessorId",
                table: "org_units",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_periods_Code",
                table: "periods",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_program_items_Code",
                table: "program_items",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_program_items_ParentId",
                table: "program_items",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_report_sections_OrgUnitId_PeriodId_SectionCode",
                table: "report_sections",
                columns: new[] { "OrgUnitId", "PeriodId", "SectionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_sections_PeriodId",
                table: "report_sections",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_targets_DisaggregationId",
                table: "targets",
                column: "DisaggregationId");

            migrationBuilder.CreateIndex(
                name: "IX_targets_IndicatorId_DisaggregationId_OrgUnitId_Year",
                table: "targets",
                columns: new[] { "IndicatorId", "DisaggregationId", "OrgUnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_targets_OrgUnitId",
                table: "targets",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_works_Code",
                table: "works",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_works_OrgUnitId",
                table: "works",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_works_ProgramItemId",
                table: "works",
                column: "ProgramItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capital_allocations");

            migrationBuilder.DropTable(
                name: "data_value_changes");

            migrationBuilder.DropTable(
                name: "data_values");

            migrationBuilder.DropTable(
                name: "disbursements");

            migrationBuilder.DropTable(
                name: "document_program_items");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "indicator_disaggregations");

            migrationBuilder.DropTable(
                name: "report_sections");

            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "works");

            migrationBuilder.DropTable(
                name: "funding_sources");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "periods");

            migrationBuilder.DropTable(
                name: "disaggregations");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "org_units");

            migrationBuilder.DropTable(
                name: "program_items");
        }
    }
}
