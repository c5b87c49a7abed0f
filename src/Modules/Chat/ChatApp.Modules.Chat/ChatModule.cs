using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat;

/// <summary>The Chat module's one entry point: rooms, ordered durable messages, read state and blocks.</summary>
public static class ChatModule
{
    public const string Name = "chat";

    /// <summary>The module's endpoints in the order of the API document (see <see cref="ModuleEndpoints.MapCarterModules"/>); a new slice adds its endpoint here.</summary>
    private static readonly Type[] Endpoints =
    [
        typeof(Features.BlockUser.BlockUserEndpoint),
        typeof(Features.UnblockUser.UnblockUserEndpoint),
        typeof(Features.ListBlocks.ListBlocksEndpoint),
        typeof(Features.EditMessage.EditMessageEndpoint),
        typeof(Features.DeleteMessage.DeleteMessageEndpoint),
        typeof(Features.CreateGroupRoom.CreateGroupRoomEndpoint),
        typeof(Features.GetMessages.GetMessagesEndpoint),
        typeof(Features.GetPresence.GetPresenceEndpoint),
        typeof(Features.GetPresence.GetPresenceBatchEndpoint),
        typeof(Features.GetRoom.GetRoomEndpoint),
        typeof(Features.ListRooms.ListRoomsEndpoint),
        typeof(Features.AddMembers.AddMembersEndpoint),
        typeof(Features.RemoveMember.RemoveMemberEndpoint),
        typeof(Features.ChangeMemberRole.ChangeMemberRoleEndpoint),
        typeof(Features.TransferOwnership.TransferOwnershipEndpoint),
        typeof(Features.UpdateRoom.UpdateRoomEndpoint),
        typeof(Features.SetRoomPicture.SetRoomPictureEndpoint),
        typeof(Features.RemoveRoomPicture.RemoveRoomPictureEndpoint),
        typeof(Features.CreateInvite.CreateInviteEndpoint),
        typeof(Features.ListInvites.ListInvitesEndpoint),
        typeof(Features.CreatePersonalInvite.CreatePersonalInviteEndpoint),
        typeof(Features.PreviewInvite.PreviewInviteEndpoint),
        typeof(Features.JoinByInvite.JoinByInviteEndpoint),
        typeof(Features.RevokeInvite.RevokeInviteEndpoint),
        typeof(Features.GetInviteQrCode.GetInviteQrCodeEndpoint),
        typeof(Features.MarkRead.MarkReadEndpoint),
        typeof(Features.OpenDirectRoom.OpenDirectRoomEndpoint),
        typeof(Features.React.ReactEndpoint),
        typeof(Features.RemoveReaction.RemoveReactionEndpoint),
        typeof(Features.SendMessage.SendMessageEndpoint),
        typeof(Features.Sync.SyncEndpoint),
        typeof(Features.SearchMessages.SearchMessagesEndpoint),
    ];

    public static IServiceCollection AddChatModule(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(ChatModule).Assembly;
        services.AddModuleDbContext<ChatDbContext>(Name, ChatDbContext.Schema);
        // Singletons: the module's validators take no dependencies and are immutable once built, and building one
        // (its rules' expression trees) on every hub call was a visible share of a send's CPU.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddIntegrationEventHandlers(assembly);
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>();
        services.AddScoped<IRoomMembership, Features.RoomMembershipLookup.RoomMembership>();
        services.AddScoped<RoomReader>();
        services.AddScoped<RoomPictureChanges>();
        services.AddSingleton<RoomCards>();
        services.AddScoped<ReactionChanges>();
        services.AddScoped<IChatRelations, Features.RelationsLookup.ChatRelations>();
        services.AddScoped<IPushContent, Features.PushContentLookup.PushContent>();
        services.AddScoped<IMessageEvidence, Features.MessageEvidenceLookup.MessageEvidenceLookup>();
        services.AddScoped<IMessageModeration, Features.ModeratorDeleteMessage.MessageModeration>();
        services.AddScoped<ChatNotifier>();
        services.AddScoped<ChatApp.BuildingBlocks.Persistence.IModuleInitializer, Search.MessageSearchBackfill>();
        services.AddSingleton<SendRateLimiter>();
        services.AddMetrics();
        services.AddSingleton<SendPathMetrics>();
        services.AddSingleton<SendRules>();
        services.AddSingleton<SendAdmission>();
        services.AddSingleton<IMessageStore, MessageStore>();
        services.AddSingleton<MessageBroadcaster>();
        services.AddSingleton<RealtimeMetrics>();
        services.AddSingleton<LocalConnections>();
        services.AddSingleton<IRoomFrameWriter>(provider => provider.GetRequiredService<LocalConnections>());
        services.AddSingleton<RoomStreams>();
        services.AddSingleton<RoomBus>();
        services.AddHostedService(provider => provider.GetRequiredService<RoomBus>());
        services.AddSingleton<NodeStopping>();
        services.AddSingleton<RealtimeShutdown>();
        services.AddHostedService(provider => provider.GetRequiredService<RealtimeShutdown>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "chat-accepting", provider => provider.GetRequiredService<RealtimeShutdown>(), HealthStatus.Unhealthy, ["ready"]));
        services.AddSingleton<HubLifetimeManager<ChatHub>>(provider => new ChatHubLifetimeManager(
            ActivatorUtilities.CreateInstance<DefaultHubLifetimeManager<ChatHub>>(provider),
            provider.GetRequiredService<LocalConnections>(),
            provider.GetRequiredService<RoomBus>()));
        services.AddSingleton<ServerLag>();
        services.AddSingleton<MessageWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<MessageWriter>());
        services.AddScoped<TypingSignals>();
        services.AddSingleton<IPresenceStore>(provider => provider.GetService<StackExchange.Redis.IConnectionMultiplexer>() is { } redis
            ? new RedisPresenceStore(redis, configuration["Chat:PresenceRedisPrefix"] ?? "chatapp:presence:")
            : new InMemoryPresenceStore());
        services.AddHostedService<PresenceRefresher>();
        services.AddSingleton<ConnectedSessions>();
        services.AddHostedService<EndedSessionSweeper>();
        services.AddMemoryCache();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<HubErrorLogging>();
        // SignalR runs a hub with its own HubOptions<THub> only when they were added with AddHubOptions (otherwise it
        // takes the global options, and the parallel calls stayed at SignalR's default of 1). Its setup copies the
        // global options into them, so ours are applied after it (PostConfigure).
        services.AddSignalR().AddHubOptions<ChatHub>(_ => { });
        services.AddOptions<HubOptions<ChatHub>>().PostConfigure<IOptions<ChatOptions>>((hub, chat) =>
        {
            hub.MaximumParallelInvocationsPerClient = chat.Value.MaxParallelCallsPerConnection;
            hub.AddFilter<HubErrorLogging>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapChatModule(this IEndpointRouteBuilder app)
    {
        app.MapCarterModules(typeof(ChatModule).Assembly, Endpoints);
        app.MapHub<ChatHub>(ChatHub.Path, options =>
        {
            // Clients connect straight to WebSockets and skip negotiation, so no sticky sessions are needed.
            options.Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling;
        }).AddEndpointFilter<HubEndpointConventionBuilder, RefuseNewConnectionsWhileStopping>();
        return app;
    }
}
