using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatApp.Modules.Chat.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PendingNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pending_notifications",
                schema: "chat",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    MessageId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    RoomId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    SenderId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_notifications", x => new { x.UserId, x.MessageId });
                    table.ForeignKey(
                        name: "FK_pending_notifications_messages_MessageId",
                        column: x => x.MessageId,
                        principalSchema: "chat",
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_pending_notifications_MessageId",
                schema: "chat",
                table: "pending_notifications",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_pending_notifications_UserId_RoomId_Seq",
                schema: "chat",
                table: "pending_notifications",
                columns: new[] { "UserId", "RoomId", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_notifications",
                schema: "chat");
        }
    }
}
