using ChatApp.BuildingBlocks.Results;
using ChatApp.Modules.Chat;
using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Realtime;
using Microsoft.Extensions.Options;
using static ChatApp.UnitTests.Chat.SendMessage.SendTestData;

namespace ChatApp.UnitTests.Chat.SendMessage;

public sealed class SendRulesTests
{
    private static readonly Guid Lobby = Guid.NewGuid(), Pair = Guid.NewGuid(), OtherPair = Guid.NewGuid(), Lone = Guid.NewGuid();

    private static readonly Dictionary<Guid, RoomInfo> Rooms = new()
    {
        [Lobby] = new RoomInfo(RoomKind.Group, [Ann, Bob, Cid]),
        [Pair] = new RoomInfo(RoomKind.Direct, [Ann, Bob]),
        [OtherPair] = new RoomInfo(RoomKind.Direct, [Ann, Cid]),
        [Lone] = new RoomInfo(RoomKind.Direct, [Ann]), // the other person left
    };

    [Fact]
    public void Copies_of_one_send_are_grouped_per_room_and_sends_of_non_members_get_room_not_found()
    {
        var first = Send(Ann, Lobby, "c1");
        var copy = Send(Ann, Lobby, "c1");
        var copyElsewhere = Send(Ann, Pair, "c1");
        var stranger = Send(Dan, Lobby, "c2");
        var nowhere = Send(Ann, Guid.NewGuid(), "c3");

        var primaries = SendRules.Group([first, copy, copyElsewhere, stranger, nowhere], Rooms);

        Assert.Equal([first, copyElsewhere], primaries);
        Assert.Equal([copy], first.Followers);
        Assert.Empty(copyElsewhere.Followers);
        Assert.Equal(ChatErrors.RoomNotFound, Answer(stranger)?.Error);
        Assert.Equal(ChatErrors.RoomNotFound, Answer(nowhere)?.Error);
        Assert.Null(Answer(first));
    }

    [Fact]
    public void A_follower_gets_the_first_copys_message_as_not_created_or_a_conflict_when_aimed_at_another_room()
    {
        var first = Send(Ann, Lobby, "c1");
        var copy = Send(Ann, Lobby, "c1");
        var copyElsewhere = Send(Ann, Pair, "c1");
        first.Followers.AddRange([copy, copyElsewhere]);
        var message = Response(first.Command, seq: 5);

        first.Complete(new SendMessageResult(message, Created: true));

        Assert.Equal(new SendMessageResult(message, Created: true), Answer(first)?.Value);
        Assert.Equal(new SendMessageResult(message, Created: false), Answer(copy)?.Value);
        Assert.Equal(ChatErrors.ClientMessageIdReused, Answer(copyElsewhere)?.Error);
    }

    [Fact]
    public void A_refused_send_refuses_its_copies_the_same_way()
    {
        var first = Send(Ann, Pair);
        var copy = Send(Ann, Pair);
        first.Followers.Add(copy);

        first.Complete(ChatErrors.Blocked);

        Assert.Equal(ChatErrors.Blocked, Answer(copy)?.Error);
    }

    [Fact]
    public void Sends_already_stored_are_replays_that_cost_no_token_and_sends_over_the_rate_limit_are_refused()
    {
        using var limiter = RateLimiter(burst: 1);
        var rules = new SendRules(limiter);
        var original = Stored(Ann, Lobby, "old");
        var replay = Send(Ann, Lobby, "old");
        var annFirst = Send(Ann, Lobby, "n1");
        var annSecond = Send(Ann, Lobby, "n2");
        var bob = Send(Bob, Lobby, "n3");

        var (replays, candidates) = rules.Screen([replay, annFirst, annSecond, bob], new Dictionary<(Guid, string), Message> { [(Ann, "old")] = original });

        Assert.Equal([(replay, original)], replays);
        Assert.Equal([annFirst, bob], candidates);
        Assert.Equal(ChatErrors.RateLimited, Answer(annSecond)?.Error);
        Assert.Null(Answer(replay)); // answered by the caller, with the original's pictures
    }

    [Fact]
    public void A_replay_answers_the_original_in_the_same_room_and_a_conflict_in_another_room()
    {
        var original = Stored(Ann, Lobby, "c1", seq: 9);

        var same = SendRules.Replay(Send(Ann, Lobby, "c1"), original, attachments: null);
        var other = SendRules.Replay(Send(Ann, Pair, "c1"), original, attachments: null);

        Assert.True(same.IsSuccess);
        Assert.False(same.Value.Created);
        Assert.Equal((original.Id, 9L), (same.Value.Message.Id, same.Value.Message.Seq));
        Assert.Equal(ChatErrors.ClientMessageIdReused, other.Error);
        Assert.True(SendRules.IsSameRoom(Send(Ann, Lobby, "c1"), original));
        Assert.False(SendRules.IsSameRoom(Send(Ann, Pair, "c1"), original));
    }

    [Fact]
    public void Sends_into_direct_rooms_are_blocked_when_either_person_blocked_the_other()
    {
        var annToBob = Send(Ann, Pair, "a");
        var bobToAnn = Send(Bob, Pair, "b");
        var annToCid = Send(Ann, OtherPair, "c");
        var annAlone = Send(Ann, Lone, "d");
        var annInGroup = Send(Ann, Lobby, "e");

        var direct = SendRules.DirectSends([annToBob, bobToAnn, annToCid, annAlone, annInGroup], Rooms);
        var blocked = SendRules.Blocked(direct, new HashSet<(Guid, Guid)> { (Bob, Ann), (Cid, Dan) });

        Assert.Equal([(annToBob, Bob), (bobToAnn, Ann), (annToCid, Cid)], direct); // group rooms and empty direct rooms are not checked
        Assert.Equal([annToBob, bobToAnn], blocked.OrderBy(p => p.Command.ClientMessageId));
    }

    [Fact]
    public void Sends_into_a_direct_room_whose_other_person_is_gone_are_found_and_group_rooms_never()
    {
        var annAlone = Send(Ann, Lone, "a");
        var annToBob = Send(Ann, Pair, "b");
        var annInGroup = Send(Ann, Lobby, "c");

        Assert.Equal([annAlone], SendRules.PartnerDeleted([annAlone, annToBob, annInGroup], Rooms));
    }

    [Fact]
    public void Sends_to_a_deleted_partner_blocked_sends_and_replies_outside_the_room_are_refused_and_the_rest_accepted_in_order()
    {
        Guid inLobby = Guid.NewGuid(), inPair = Guid.NewGuid();
        var reply = Send(Ann, Lobby, "a", replyTo: inLobby);
        var replyElsewhere = Send(Ann, Lobby, "b", replyTo: inPair);
        var replyToNothing = Send(Ann, Lobby, "c", replyTo: Guid.NewGuid());
        var plain = Send(Bob, Lobby, "d");
        var blocked = Send(Ann, Pair, "e");

        var alone = Send(Ann, Lone, "f");
        var accepted = SendRules.Accept(
            [reply, replyElsewhere, replyToNothing, plain, blocked, alone], new HashSet<PendingSend> { alone }, new HashSet<PendingSend> { blocked },
            new Dictionary<Guid, Guid> { [inLobby] = Lobby, [inPair] = Pair });

        Assert.Equal([reply, plain], accepted);
        Assert.Equal(ChatErrors.Blocked, Answer(blocked)?.Error);
        Assert.Equal(ChatErrors.PartnerDeleted, Answer(alone)?.Error);
        Assert.All([replyElsewhere, replyToNothing], refused =>
        {
            var error = Answer(refused)?.Error;
            Assert.NotNull(error);
            Assert.Equal(ErrorType.Validation, error.Type);
            Assert.Equal(["The message replied to is not in this room."], error.FieldErrors["replyTo"]);
        });
        Assert.Null(Answer(reply));
    }

    private static SendRateLimiter RateLimiter(int burst) => new(Options.Create(new ChatOptions
    {
        SendRateLimit = new SendRateLimitOptions { Burst = burst, PerPeriod = 1, Period = TimeSpan.FromHours(1) },
    }));
}
