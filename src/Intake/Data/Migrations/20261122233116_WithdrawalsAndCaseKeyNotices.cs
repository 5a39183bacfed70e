using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class WithdrawalsAndCaseKeyNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_key_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_key_notices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_keys_CaseId",
                table: "case_keys",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_key_notices_CaseId_CreatedAt",
                table: "case_key_notices",
                columns: new[] { "CaseId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_key_notices");

            migrationBuilder.DropIndex(
                name: "IX_case_keys_CaseId",
                table: "case_keys");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "reports");
        }
    }
}
