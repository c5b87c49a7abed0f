using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatApp.Modules.Accounts.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSearchTermOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_people_search",
                schema: "accounts",
                table: "users");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_users_people_search",
                schema: "accounts",
                table: "users",
                columns: new[] { "NameSearchKey", "Discoverable", "DeactivatedAt", "BannedAt", "SuspendedUntil", "HiddenForReviewAt", "NormalizedHandle", "Id" });
        }
    }
}
