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

            migrationBuilder.CreateIndex(
                name: "IX_users_people_search",
                schema: "accounts",
                table: "users",
                columns: new[] { "NameSearchKey", "Discoverable", "DeactivatedAt", "BannedAt", "SuspendedUntil", "HiddenForReviewAt", "NormalizedHandle", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
