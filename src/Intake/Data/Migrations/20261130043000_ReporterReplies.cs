using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReporterReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FromReportId",
                table: "reporter_messages",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FromReportId",
                table: "reporter_messages");
        }
    }
}
