using System.Data.Common;
using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Persistence;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.BuildingBlocks;

/// <summary>
/// Interferes with the commit of Chat transactions that store a reaction with a chosen emoji: fails it, or holds it back
/// for a while before it happens. Other transactions pass untouched.
/// </summary>
public sealed class CommitProbe : DbTransactionInterceptor
{
    public const string Failing = "💥";
    public const string Slow = "🐢";
    public static readonly TimeSpan SlowCommitDelay = TimeSpan.FromMilliseconds(700);

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        var emojis = eventData.Context?.ChangeTracker.Entries<Reaction>().Select(e => e.Entity.Emoji).ToList() ?? [];
        if (emojis.Contains(Failing))
        {
            throw new InvalidOperationException("The commit failed (test probe).");
        }

        if (emojis.Contains(Slow))
        {
            await Task.Delay(SlowCommitDelay, cancellationToken);
        }

        return result;
    }
}

public sealed class UnitOfWorkFactory : ChatAppFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<CommitProbe>();
        services.ConfigureDbContext<ChatDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<CommitProbe>()));
    }
}

/// <summary>
/// The unit of work owns the transaction of every command; what a handler queues for after the commit is heard only
/// once the change is visible to everyone, and never when the change did not happen.
/// </summary>
public sealed class UnitOfWorkTests(UnitOfWorkFactory factory) : IntegrationTest<UnitOfWorkFactory>(factory)
{
    [Fact]
    public async Task A_command_that_queued_an_event_and_then_failed_to_commit_stores_nothing_and_tells_no_one()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "hi");
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var path = $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}/reactions/";

        // The handler takes a sequence number and queues ReactionChanged; then the commit fails.
        var failed = await Api.As(bob).PutAsync(path + Uri.EscapeDataString(CommitProbe.Failing), null);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        // A later change of the same room is heard, and it is the first thing heard: the failed one never was.
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).PutAsync(path + Uri.EscapeDataString("👍"), null)).StatusCode);
        var heard = await annsPhone.NextAsync("ReactionChanged");
        Assert.Equal("👍", heard.GetProperty("emoji").GetString());
        Assert.Equal(message.Seq + 1, heard.GetProperty("seq").GetInt64()); // the failed change gave its number back
        Assert.Empty(annsPhone.Drain("ReactionChanged"));

        var page = await Chat.HistoryAsync(ann, room.Id);
        Assert.Equal(["👍"], page.Reactions.Select(r => r.Emoji));
        Assert.Equal(message.Seq + 1, (await Chat.RoomsAsync(ann)).Single().LastSeq);
    }

    [Fact]
    public async Task A_committed_change_is_told_only_once_another_connection_can_read_it()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "hi");
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var visibleWhenHeard = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        annsPhone.Connection.On<object>("ReactionChanged", async _ =>
        {
            // Another connection, at the moment the event arrives: the commit was held back for a while, so an event
            // sent before the commit would find nothing here.
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            visibleWhenHeard.TrySetResult(await db.Reactions.AnyAsync(r => r.MessageId == message.Id && r.Emoji == CommitProbe.Slow));
        });

        var response = await Api.As(bob).PutAsync(
            $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}/reactions/{Uri.EscapeDataString(CommitProbe.Slow)}", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(await visibleWhenHeard.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task The_same_reaction_sent_from_several_devices_at_once_is_stored_and_told_once()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "hi");
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var path = $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}/reactions/{Uri.EscapeDataString("🎉")}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Api.As(bob).PutAsync(path, null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var heard = await annsPhone.NextAsync("ReactionChanged");
        Assert.Equal(message.Seq + 1, heard.GetProperty("seq").GetInt64());
        Assert.Equal(1, (await Chat.HistoryAsync(ann, room.Id)).Reactions.Single().Count);
        Assert.Equal(message.Seq + 1, (await Chat.RoomsAsync(ann)).Single().LastSeq);
        Assert.Empty(annsPhone.Drain("ReactionChanged"));
    }

    [Fact]
    public async Task Blocking_someone_from_several_devices_at_once_leaves_one_block()
    {
        var (ann, bob, _) = await Chat.NewDirectRoomAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Api.As(ann).PutAsync($"/api/v1/chat/blocks/{bob.Id}", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        using var scope = Factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Blocks.CountAsync(b => b.BlockerId == ann.Id && b.BlockedId == bob.Id));
    }
}
