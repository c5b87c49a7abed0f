using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Chat;

/// <summary>The Chat module's one entry point: rooms, ordered durable messages, read state and blocks.</summary>
public static class ChatModule
{
    public const string Name = "chat";

    public static IServiceCollection AddChatModule(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(ChatModule).Assembly;
        services.AddModuleDbContext<ChatDbContext>(Name, ChatDbContext.Schema);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddIntegrationEventHandlers(assembly);
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName);
        services.AddScoped<RoomReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatModule(this IEndpointRouteBuilder app) =>
        app.MapCarterModulesOf(typeof(ChatModule).Assembly);
}
