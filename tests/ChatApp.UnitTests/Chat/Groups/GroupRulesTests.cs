using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.UnitTests.Chat.Groups;

public sealed class GroupRulesTests
{
    [Theory]
    [InlineData("owner", "admin", true)]
    [InlineData("owner", "member", true)]
    [InlineData("admin", "member", true)]
    [InlineData("admin", "admin", false)]
    [InlineData("admin", "owner", false)]
    [InlineData("member", "member", false)]
    public void Who_may_remove_whom(string actor, string target, bool allowed) =>
        Assert.Equal(allowed, RoomRoles.MayRemove(RoomRoles.Parse(actor)!.Value, RoomRoles.Parse(target)!.Value));

    [Fact]
    public void Invite_codes_are_128_bit_url_safe_and_distinct()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => InviteCodes.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[A-Za-z0-9_-]{22}$", code));
        Assert.All(codes, code => Assert.True(InviteCodes.IsWellFormed(code)));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.False(InviteCodes.IsWellFormed("../../etc"));
        Assert.False(InviteCodes.IsWellFormed(new string('a', Invite.CodeMaxLength + 1)));
    }

    [Fact]
    public void An_invites_status_says_why_it_cannot_be_used()
    {
        var now = new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc);
        Invite Make(DateTime? expires = null, int? max = null, int uses = 0, DateTime? revoked = null) =>
            new() { ExpiresAt = expires ?? now.AddDays(1), MaxUses = max, Uses = uses, RevokedAt = revoked };

        Assert.Equal(InviteRules.Active, InviteRules.StatusOf(Make(max: 2, uses: 1), now));
        Assert.Equal(InviteRules.UsedUp, InviteRules.StatusOf(Make(max: 2, uses: 2), now));
        Assert.Equal(InviteRules.Expired, InviteRules.StatusOf(Make(expires: now), now));
        Assert.Equal(InviteRules.Revoked, InviteRules.StatusOf(Make(expires: now, revoked: now), now));
        Assert.Null(InviteRules.Refusal(Make(), now));
        Assert.Equal("chat.invite_used_up", InviteRules.Refusal(Make(max: 1, uses: 1), now)?.Code);
    }
}
