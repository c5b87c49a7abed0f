using System.Reflection;
using ChatApp.Client;
using ChatApp.Client.Realtime;

namespace ChatApp.IntegrationTests.Client;

/// <summary>
/// The client's hand-typed records match the server's response and event records (ADR 0025 part C): same fields in
/// the same order, same types, same nullability. A field added, renamed or made nullable on one side fails here.
/// </summary>
public sealed class ClientContractTests
{
    /// <summary>Client record → (server assembly, server record).</summary>
    private static readonly Dictionary<string, (string Assembly, string Type)> Pairs = new(StringComparer.Ordinal)
    {
        ["TokenResponse"] = ("ChatApp.Modules.Accounts", "TokenResponse"),
        ["Registration"] = ("ChatApp.Modules.Accounts", "RegisterResponse"),
        ["Avatar"] = ("ChatApp.Modules.Accounts", "AvatarResponse"),
        ["MyProfile"] = ("ChatApp.Modules.Accounts", "MyProfileResponse"),
        ["PublicProfile"] = ("ChatApp.Modules.Accounts", "PublicProfileResponse"),
        ["DeviceSession"] = ("ChatApp.Modules.Accounts", "SessionResponse"),
        ["Person"] = ("ChatApp.Modules.Accounts", "PersonResponse"),
        ["PeopleSearchPage"] = ("ChatApp.Modules.Accounts", "PeopleSearchResponse"),
        ["MediaVariant"] = ("ChatApp.Modules.Media.Contracts", "MediaVariantInfo"),
        ["MediaImage"] = ("ChatApp.Modules.Media", "MediaImageResponse"),
        ["Attachment"] = ("ChatApp.Modules.Chat", "AttachmentResponse"),
        ["Message"] = ("ChatApp.Modules.Chat", "MessageResponse"),
        ["RoomMember"] = ("ChatApp.Modules.Chat", "RoomMemberResponse"),
        ["RoomPicture"] = ("ChatApp.Modules.Chat", "RoomPictureResponse"),
        ["Room"] = ("ChatApp.Modules.Chat", "RoomResponse"),
        ["ReactionSummary"] = ("ChatApp.Modules.Chat", "ReactionSummary"),
        ["MessagePage"] = ("ChatApp.Modules.Chat", "MessagePage"),
        ["ReadState"] = ("ChatApp.Modules.Chat", "ReadStateResponse"),
        ["RoomEvent"] = ("ChatApp.Modules.Chat", "RoomEventResponse"),
        ["RoomChanges"] = ("ChatApp.Modules.Chat", "RoomChangesResponse"),
        ["ReadPosition"] = ("ChatApp.Modules.Chat", "ReadPositionResponse"),
        ["SyncResult"] = ("ChatApp.Modules.Chat", "SyncResponse"),
        ["Presence"] = ("ChatApp.Modules.Chat", "PresenceResponse"),
        ["RecommendedPerson"] = ("ChatApp.Modules.Recommendation", "RecommendedPersonResponse"),
        ["RecommendationList"] = ("ChatApp.Modules.Recommendation", "RecommendationsResponse"),
        ["Rating"] = ("ChatApp.Modules.Recommendation", "RatingResponse"),
        ["Device"] = ("ChatApp.Modules.Notifications", "DeviceResponse"),
        ["NotificationPreferences"] = ("ChatApp.Modules.Notifications", "PreferencesResponse"),
        ["QuietHours"] = ("ChatApp.Modules.Notifications", "QuietHoursResponse"),
        ["RoomMute"] = ("ChatApp.Modules.Notifications", "MuteResponse"),
        ["Report"] = ("ChatApp.Modules.Moderation", "ReportResponse"),
        ["Notice"] = ("ChatApp.Modules.Moderation", "NoticeResponse"),
        ["NoticesPage"] = ("ChatApp.Modules.Moderation", "NoticesPage"),
        ["MessageUpdatedEvent"] = ("ChatApp.Modules.Chat", "MessageUpdatedEvent"),
        ["MembershipChangedEvent"] = ("ChatApp.Modules.Chat", "MembershipChangedEvent"),
        ["RoomChangedEvent"] = ("ChatApp.Modules.Chat", "RoomChangedEvent"),
        ["ReactionChangedEvent"] = ("ChatApp.Modules.Chat", "ReactionChangedEvent"),
        ["ReadPositionChangedEvent"] = ("ChatApp.Modules.Chat", "ReadPositionChangedEvent"),
        ["RoomCreatedEvent"] = ("ChatApp.Modules.Chat", "RoomCreatedEvent"),
        ["PresenceChangedEvent"] = ("ChatApp.Modules.Chat", "PresenceChangedEvent"),
        ["ModerationNoticeEvent"] = ("ChatApp.Modules.Chat", "ModerationNoticeEvent"),
        ["TypingEvent"] = ("ChatApp.Modules.Chat", "TypingEvent"),
    };

    private static readonly NullabilityInfoContext Nullability = new();

    private static Assembly ClientAssembly => typeof(ChatAppClient).Assembly;

    [Fact]
    public void Every_client_record_matches_the_servers()
    {
        var records = ClientAssembly.GetExportedTypes().Where(IsRecord).ToList();

        Assert.Equal(Pairs.Keys.Order(StringComparer.Ordinal), records.Select(t => t.Name).Where(n => n != "Crop").Order(StringComparer.Ordinal));
        var differences = records.Where(t => Pairs.ContainsKey(t.Name)).SelectMany(t => Differences(t, ServerType(t.Name))).ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Every_hub_event_record_of_the_server_has_a_client_record()
    {
        var serverEvents = Assembly.Load("ChatApp.Modules.Chat").GetTypes()
            .Where(t => t.Namespace == "ChatApp.Modules.Chat.Realtime" && t.Name.EndsWith("Event", StringComparison.Ordinal) && IsRecord(t))
            .Select(t => t.Name);

        Assert.All(serverEvents, name => Assert.True(Pairs.ContainsKey(name), $"The client has no record for the hub event payload {name}."));
    }

    [Fact]
    public void Every_hub_event_name_is_handled()
    {
        var names = Assembly.Load("ChatApp.Modules.Chat").GetTypes().Single(t => t.FullName == "ChatApp.Modules.Chat.Realtime.ChatEvents")
            .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var clientEvents = typeof(ChatRealtime).GetEvents().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, clientEvents));
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static Type ServerType(string clientName)
    {
        var (assembly, name) = Pairs[clientName];
        return Assert.Single(Assembly.Load(assembly).GetTypes(), t => t.Name == name && IsRecord(t));
    }

    private static IEnumerable<string> Differences(Type client, Type server)
    {
        var clientFields = PrimaryParameters(client);
        var serverFields = PrimaryParameters(server);
        if (!clientFields.Select(p => p.Name).SequenceEqual(serverFields.Select(p => p.Name)))
        {
            yield return $"{client.Name}({string.Join(", ", clientFields.Select(p => p.Name))}) vs {server.Name}({string.Join(", ", serverFields.Select(p => p.Name))})";
            yield break;
        }
        foreach (var (mine, theirs) in clientFields.Zip(serverFields))
        {
            if (!SameType(mine.ParameterType, theirs.ParameterType))
            {
                yield return $"{client.Name}.{mine.Name}: {mine.ParameterType} vs {server.Name}.{theirs.Name}: {theirs.ParameterType}";
            }
            else if (Nullability.Create(mine).ReadState != Nullability.Create(theirs).ReadState)
            {
                yield return $"{client.Name}.{mine.Name}: nullability {Nullability.Create(mine).ReadState} vs {Nullability.Create(theirs).ReadState}";
            }
        }
    }

    private static ParameterInfo[] PrimaryParameters(Type record) =>
        record.GetConstructors().Where(c => c.GetParameters() is not [var only] || only.ParameterType != record)
            .OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    private static bool SameType(Type client, Type server)
    {
        if (client.Assembly == ClientAssembly)
        {
            return Pairs.TryGetValue(client.Name, out var pair) && server.Name == pair.Type && server.Assembly.GetName().Name == pair.Assembly;
        }
        if (client.IsGenericType && server.IsGenericType)
        {
            return client.GetGenericTypeDefinition() == server.GetGenericTypeDefinition()
                && client.GetGenericArguments().Zip(server.GetGenericArguments()).All(p => SameType(p.First, p.Second));
        }
        return client == server;
    }
}
