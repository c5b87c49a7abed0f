using System.Diagnostics;
using System.Globalization;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Text;
using ChatApp.Modules.Chat.Persistence;
using ChatApp.Modules.Chat.Search;
using ChatApp.SearchBenchmark;
using Microsoft.EntityFrameworkCore;

// Message search at scale (docs/performance.md, "Issue 19: message search"):
//   dotnet run -c Release --project tests/ChatApp.SearchBenchmark -- --mysql "Server=...;Database=x;" --seed [--messages 1000000]
//       [--users 2000] [--rooms 5000] [--room-size 10] [--queries 1000] [--block-budget 1024] [--send-batches 200]
// --rebuild deletes the search blocks and builds them again with MessageSearchBackfill (timed).
// --seed applies the Chat migrations to the (empty) database and fills it; without it an already seeded database is searched.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
if (!options.TryGetValue("mysql", out var connectionString))
{
    Console.Error.WriteLine("--mysql \"connection string with Database=...\" is required");
    return 2;
}

var settings = new DatabaseSettings(DatabaseProvider.MySql, connectionString, "", false, null);
var builder = new DbContextOptionsBuilder<ChatDbContext>();
ModuleDbContextExtensions.Configure(builder, settings, "chat", ChatDbContext.Schema);
var contextOptions = builder.Options;
ChatDbContext NewContext() => new(contextOptions);
var corpus = new Corpus();

if (options.ContainsKey("seed"))
{
    await using (var db = NewContext())
    {
        await db.Database.MigrateAsync();
    }

    await Seeder.SeedAsync(NewContext, corpus, Option("users", 2000), Option("rooms", 5000), Option("room-size", 10), Option("messages", 1_000_000));
}

if (options.ContainsKey("rebuild"))
{
    // The blocks again from the messages, by the module's own startup backfill (as after the MessageSearchBlocks migration).
    await using var db = NewContext();
    db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
    await db.MessageSearchBlocks.ExecuteDeleteAsync();
    var rebuilding = Stopwatch.StartNew();
    await new MessageSearchBackfill(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<MessageSearchBackfill>.Instance).InitializeAsync(CancellationToken.None);
    Console.WriteLine($"blocks rebuilt by MessageSearchBackfill in {rebuilding.Elapsed.TotalSeconds:F0} s");
}

List<Guid> users;
await using (var db = NewContext())
{
    users = await db.RoomMembers.Select(m => m.UserId).Distinct().OrderBy(u => u).ToListAsync();
    Console.WriteLine($"{await db.Messages.CountAsync():N0} messages, {await db.MessageSearchBlocks.CountAsync():N0} search blocks, {users.Count:N0} people");
}

// The query mix: a Korean noun alone (found with its particle attached), a noun with a particle, an English word
// (some capitalised), two neighbouring words of a message; words drawn uniformly from the vocabulary.
var random = new Random(7);
var queries = new List<(string Kind, string Text)>();
for (var i = 0; i < Option("queries", 1000); i++)
{
    var roll = random.NextDouble();
    var korean = corpus.Words.Where(Corpus.IsKorean).ToList();
    var english = corpus.Words.Where(w => !Corpus.IsKorean(w)).ToList();
    queries.Add(roll switch
    {
        < 0.4 => ("korean", korean[random.Next(korean.Count)]),
        < 0.6 => ("korean+particle", korean[random.Next(korean.Count)] + corpus.Particle(random)),
        < 0.8 => ("latin", random.NextDouble() < 0.3 ? english[random.Next(english.Count)].ToUpperInvariant() : english[random.Next(english.Count)]),
        _ => ("phrase", string.Join(' ', corpus.Message(random).Split(' ').Take(2))),
    });
}

async Task<(double Ms, int Hits)> TimeAsync(string q, Guid user)
{
    await using var db = NewContext();
    var clock = Stopwatch.StartNew();
    var page = await MessageSearcher.SearchAsync(db, user, SearchFolding.Fold(q), null, null, 20, Option("block-budget", 1024), CancellationToken.None);
    return (clock.Elapsed.TotalMilliseconds, page.Results.Count);
}

// Warm-up (connection pool, JIT, buffer pool): not counted.
foreach (var (_, text) in queries.Take(100))
{
    await TimeAsync(text, users[random.Next(users.Count)]);
}

var results = new List<(string Kind, string Text, double Ms, int Hits)>();
foreach (var (kind, text) in queries)
{
    var (ms, hits) = await TimeAsync(text, users[random.Next(users.Count)]);
    results.Add((kind, text, ms, hits));
}

static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
void Report(string name, IEnumerable<(string Kind, string Text, double Ms, int Hits)> rows)
{
    var list = rows.ToList();
    var ms = list.Select(r => r.Ms).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-16} n={list.Count,5}  p50={Percentile(ms, 0.50),7:F1} ms  p95={Percentile(ms, 0.95),7:F1} ms  p99={Percentile(ms, 0.99),7:F1} ms  max={ms[^1],7:F1} ms  with results={list.Count(r => r.Hits > 0) * 100.0 / list.Count,5:F1}%"));
}

Report("all", results);
foreach (var kind in results.GroupBy(r => r.Kind))
{
    Report(kind.Key, kind);
}

Console.WriteLine("slowest: " + string.Join(", ", results.OrderByDescending(r => r.Ms).Take(5).Select(r => string.Create(CultureInfo.InvariantCulture, $"'{r.Text}' {r.Ms:F0} ms"))));
// The most frequent words of the vocabulary, as a worst case (a search for the commonest words of the language).
foreach (var word in corpus.Words.Take(3))
{
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        times.Add((await TimeAsync(word, users[random.Next(users.Count)])).Ms);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"most frequent word '{word}': median {times.Order().ElementAt(2):F0} ms of 5"));
}

// --verify N: N queries of the mix checked against a brute-force answer (every message of the person's rooms folded
// and matched in memory, blocked senders left out), first page of 20, with an unlimited block budget. The documented
// semantics: the folded text contains the folded query, and a query starting with a Latin letter or digit matches where
// a word starts (a Hangul query anywhere).
static bool MatchesAtWordStart(string text, string query)
{
    for (var at = text.IndexOf(query, StringComparison.Ordinal); at >= 0; at = text.IndexOf(query, at + 1, StringComparison.Ordinal))
    {
        if (at == 0 || Corpus.IsKorean(query) || !char.IsLetterOrDigit(text[at - 1]) || Corpus.IsKorean(text[(at - 1)..]))
        {
            return true;
        }
    }

    return false;
}

var mismatches = 0;
for (var v = 0; v < Option("verify", 0); v++)
{
    var (_, text) = queries[v % queries.Count];
    var user = users[random.Next(users.Count)];
    await using var db = NewContext();
    var folded = SearchFolding.Fold(text);
    var page = await MessageSearcher.SearchAsync(db, user, folded, null, null, 20, int.MaxValue / 4, CancellationToken.None);
    var rooms = await db.RoomMembers.Where(m => m.UserId == user).Select(m => m.RoomId).ToListAsync();
    var blocked = await db.Blocks.Where(b => b.BlockerId == user || b.BlockedId == user).Select(b => b.BlockerId == user ? b.BlockedId : b.BlockerId).ToListAsync();
    var all = await db.Messages.Where(m => rooms.Contains(m.RoomId) && m.DeletedAt == null).Select(m => new { m.Id, m.CreatedAt, m.SenderId, m.Text }).ToListAsync();
    var expected = all.Where(m => !blocked.Contains(m.SenderId) && MatchesAtWordStart(SearchFolding.Fold(m.Text), folded))
        .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(20).Select(m => m.Id).ToList();
    if (!expected.SequenceEqual(page.Results.Select(r => r.MessageId)))
    {
        mismatches++;
        Console.WriteLine($"verify: '{text}' expected {expected.Count} results, got {page.Results.Count}; missing: "
            + string.Join(" | ", all.Where(m => expected.Except(page.Results.Select(r => r.MessageId)).Contains(m.Id)).Select(m => m.Text)));
    }
}

if (Option("verify", 0) > 0)
{
    Console.WriteLine($"verify: {Option("verify", 0)} queries against brute force, {mismatches} differ");
}

// The send path's share: MessageSearchIndex.AddAsync for a batch of 20 new messages in 20 different rooms (their next
// sequence numbers, so most go into an existing block: one read, one write), in a transaction rolled back afterwards.
var addTimes = new List<double>();
await using (var db = NewContext())
{
    var lastSeqs = await db.Rooms.Select(r => new { r.Id, r.LastSeq }).ToListAsync();
    var sendRandom = new Random(5);
    for (var b = 0; b < Option("send-batches", 200); b++)
    {
        var batch = lastSeqs.OrderBy(_ => sendRandom.Next()).Take(20).Select(r => new ChatApp.Modules.Chat.Domain.Message
        {
            Id = Guid.CreateVersion7(), RoomId = r.Id, Seq = r.LastSeq + 1, SenderId = users[0], ClientMessageId = "bench", Text = corpus.Message(sendRandom),
            CreatedAt = DateTime.UtcNow,
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var adding = Stopwatch.StartNew();
        await MessageSearchIndex.AddAsync(db, batch, CancellationToken.None);
        addTimes.Add(adding.Elapsed.TotalMilliseconds);
        await transaction.RollbackAsync();
    }
}

if (addTimes.Count > 0)
{
    var sortedAdds = addTimes.Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"send path, search blocks of a 20-message batch in 20 rooms (n={sortedAdds.Count}): p50={Percentile(sortedAdds, 0.50):F2} ms  p95={Percentile(sortedAdds, 0.95):F2} ms  p99={Percentile(sortedAdds, 0.99):F2} ms"));
}

return 0;
