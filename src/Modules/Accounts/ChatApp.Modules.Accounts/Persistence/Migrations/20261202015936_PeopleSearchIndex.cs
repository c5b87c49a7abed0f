using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatApp.Modules.Accounts.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "NameSearchKey",
                schema: "accounts",
                table: "users",
                type: "varchar(256)",
                maxLength: 256,
                nullable: true,
                collation: "utf8mb4_bin",
                oldClrType: typeof(string),
                oldType: "varchar(1024)",
                oldMaxLength: 1024,
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "people_search_terms",
                schema: "accounts",
                columns: table => new
                {
                    Term = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false, collation: "utf8mb4_bin")
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_search_terms", x => new { x.Term, x.UserId });
                    table.ForeignKey(
                        name: "FK_people_search_terms_users_UserId",
                        column: x => x.UserId,
                        principalSchema: "accounts",
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_users_people_search",
                schema: "accounts",
                table: "users",
                columns: new[] { "NameSearchKey", "Discoverable", "DeactivatedAt", "BannedAt", "SuspendedUntil", "HiddenForReviewAt", "NormalizedHandle", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_people_search_terms_UserId",
                schema: "accounts",
                table: "people_search_terms",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "people_search_terms",
                schema: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_users_people_search",
                schema: "accounts",
                table: "users");

            migrationBuilder.AlterColumn<string>(
                name: "NameSearchKey",
                schema: "accounts",
                table: "users",
                type: "varchar(1024)",
                maxLength: 1024,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "varchar(256)",
                oldMaxLength: 256,
                oldNullable: true,
                oldCollation: "utf8mb4_bin")
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");
        }
    }
}
