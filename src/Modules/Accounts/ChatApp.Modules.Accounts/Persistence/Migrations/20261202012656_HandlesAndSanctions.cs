using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatApp.Modules.Accounts.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HandlesAndSanctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BannedAt",
                schema: "accounts",
                table: "users",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Discoverable",
                schema: "accounts",
                table: "users",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Handle",
                schema: "accounts",
                table: "users",
                type: "varchar(30)",
                maxLength: 30,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "HandleChangedAt",
                schema: "accounts",
                table: "users",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HiddenForReviewAt",
                schema: "accounts",
                table: "users",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameSearchKey",
                schema: "accounts",
                table: "users",
                type: "varchar(1024)",
                maxLength: 1024,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedHandle",
                schema: "accounts",
                table: "users",
                type: "varchar(30)",
                maxLength: 30,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedUntil",
                schema: "accounts",
                table: "users",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_NormalizedHandle",
                schema: "accounts",
                table: "users",
                column: "NormalizedHandle",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_NormalizedHandle",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "BannedAt",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Discoverable",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Handle",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "HandleChangedAt",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "HiddenForReviewAt",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "NameSearchKey",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "NormalizedHandle",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "SuspendedUntil",
                schema: "accounts",
                table: "users");
        }
    }
}
