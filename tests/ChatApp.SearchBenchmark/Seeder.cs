using System.Diagnostics;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Persistence;
using ChatApp.Modules.Chat.Search;
using Microsoft.EntityFrameworkCore;

namespace ChatApp.SearchBenchmark;

/// <summary>
/// Fills an empty Chat schema: group rooms of <c>roomSize</c> people drawn from <c>users</c>, one block per person, and
/// <c>messages</c> messages (busy rooms get more: room = rooms × u²) a year apart from first to last, and their search
/// blocks made and written by the module's own <see cref="MessageSearchIndex.AddAsync"/> (one read and one write per
/// 10,000-message transaction, as a send batch does per batch).
/// </summary>
internal static class Seeder
{
    private const int Chunk = 10_000;

    public static async Task SeedAsync(Func<ChatDbContext> newContext, Corpus corpus, int users, int rooms, int roomSize, int messages)
    {
        var random = new Random(1900);
        var clock = Stopwatch.StartNew();
        var start = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var userIds = Enumerable.Range(0, users).Select(i => Guid.CreateVersion7(start.AddSeconds(i))).ToArray();
        var roomMembers = new Guid[rooms][];
        await using (var db = newContext())
        {
            if (await db.Messages.AnyAsync())
            {
                throw new InvalidOperationException("The database already holds messages: seed an empty one.");
            }

            var roomRows = new List<Room>(rooms);
            var memberRows = new List<RoomMember>(rooms * roomSize);
            for (var r = 0; r < rooms; r++)
            {
                roomMembers[r] = [.. userIds.OrderBy(_ => random.Next()).Take(roomSize)];
                var id = Guid.CreateVersion7(start.AddMinutes(r));
                roomRows.Add(new Room { Id = id, Kind = RoomKind.Group, Name = $"Room {r}", OwnerId = roomMembers[r][0], CreatedAt = start, LastActivityAt = start });
                memberRows.AddRange(roomMembers[r].Select((u, i) => new RoomMember
                {
                    RoomId = id, UserId = u, Role = i == 0 ? MemberRole.Owner : MemberRole.Member, JoinedAt = start,
                }));
            }

            await db.InsertAllAsync(roomRows, CancellationToken.None);
            await db.InsertAllAsync(memberRows, CancellationToken.None);
            await db.InsertAllAsync(userIds.Select(u => new Block { BlockerId = u, BlockedId = userIds[random.Next(users)], CreatedAt = start })
                .Where(b => b.BlockerId != b.BlockedId).DistinctBy(b => (b.BlockerId, b.BlockedId)).ToList(), CancellationToken.None);
            Console.WriteLine($"rooms, members and blocks in {clock.Elapsed.TotalSeconds:F0} s");

            var roomIds = roomRows.Select(r => r.Id).ToArray();
            var seqs = new long[rooms];
            var messageTime = TimeSpan.Zero;
            var indexTime = TimeSpan.Zero;
            var step = TimeSpan.FromDays(365).Ticks / messages;
            for (var done = 0; done < messages; done += Chunk)
            {
                var batch = new List<Message>(Chunk);
                for (var i = done; i < Math.Min(messages, done + Chunk); i++)
                {
                    var r = (int)(rooms * Math.Pow(random.NextDouble(), 2));
                    var createdAt = start.AddTicks(i * step);
                    var sender = roomMembers[r][random.Next(roomSize)];
                    batch.Add(new Message
                    {
                        Id = Guid.CreateVersion7(createdAt), RoomId = roomIds[r], Seq = ++seqs[r], SenderId = sender, ClientMessageId = "seed-" + i,
                        Text = corpus.Message(random), CreatedAt = createdAt,
                    });
                }

                await using var chunk = newContext();
                await using var transaction = await chunk.Database.BeginTransactionAsync();
                var inserting = Stopwatch.GetTimestamp();
                await chunk.InsertAllAsync(batch, CancellationToken.None);
                var indexing = Stopwatch.GetTimestamp();
                await MessageSearchIndex.AddAsync(chunk, batch, CancellationToken.None);
                messageTime += Stopwatch.GetElapsedTime(inserting, indexing);
                indexTime += Stopwatch.GetElapsedTime(indexing);
                await transaction.CommitAsync();
                if ((done + Chunk) % 100_000 == 0)
                {
                    Console.WriteLine($"{done + Chunk:N0} messages, {clock.Elapsed.TotalSeconds:F0} s; INSERT time so far: messages {messageTime.TotalSeconds:F1} s, search blocks (folding, read and write included) {indexTime.TotalSeconds:F1} s");
                }
            }

            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await ExecAsync(db, $"UPDATE {Table<Room>(db)} r SET LastSeq = (SELECT COALESCE(MAX(m.Seq), 0) FROM {Table<Message>(db)} m WHERE m.RoomId = r.Id)");
            await ExecAsync(db, $"ANALYZE TABLE {Table<MessageSearchBlock>(db)}, {Table<Message>(db)}, {Table<RoomMember>(db)}");
        }

        Console.WriteLine($"seeded {messages:N0} messages in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Statements built from the model's table names only (nothing from outside).</summary>
    private static Task<int> ExecAsync(ChatDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    private static string Table<TEntity>(ChatDbContext db)
        where TEntity : class => new SqlBatch<TEntity>(db).Table;
}
