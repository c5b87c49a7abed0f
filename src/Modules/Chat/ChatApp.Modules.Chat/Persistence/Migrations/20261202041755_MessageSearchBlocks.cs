using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatApp.Modules.Chat.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MessageSearchBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "message_search",
                schema: "chat");

            migrationBuilder.CreateTable(
                name: "message_search_blocks",
                schema: "chat",
                columns: table => new
                {
                    RoomId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Block = table.Column<long>(type: "bigint", nullable: false),
                    FirstAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    LastAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    Bits = table.Column<byte[]>(type: "varbinary(1024)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_search_blocks", x => new { x.RoomId, x.Block });
                    table.ForeignKey(
                        name: "FK_message_search_blocks_rooms_RoomId",
                        column: x => x.RoomId,
                        principalSchema: "chat",
                        principalTable: "rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_message_search_blocks_RoomId_LastAt_FirstAt",
                schema: "chat",
                table: "message_search_blocks",
                columns: new[] { "RoomId", "LastAt", "FirstAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "message_search_blocks",
                schema: "chat");

            migrationBuilder.CreateTable(
                name: "message_search",
                schema: "chat",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    Folded = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Grams = table.Column<string>(type: "mediumtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RoomId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    SenderId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_search", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_message_search_messages_MessageId",
                        column: x => x.MessageId,
                        principalSchema: "chat",
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_message_search_Grams",
                schema: "chat",
                table: "message_search",
                column: "Grams")
                .Annotation("MySql:FullTextIndex", true);

            migrationBuilder.CreateIndex(
                name: "IX_message_search_RoomId_CreatedAt",
                schema: "chat",
                table: "message_search",
                columns: new[] { "RoomId", "CreatedAt" });
        }
    }
}
