using System.Reflection;
using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts;
using ChatApp.Modules.Chat;
using ChatApp.Modules.Media;
using ChatApp.Modules.Moderation;
using ChatApp.Modules.Notifications;
using ChatApp.Modules.Recommendation;

namespace ChatApp.Host;

/// <summary>The one list of the modules this host runs. Adding a module means adding it here (four places, same order).</summary>
internal static class ModulesRegistry
{
    public static readonly Assembly[] Assemblies =
    [
        typeof(AccountsModule).Assembly,
        typeof(ChatModule).Assembly,
        typeof(MediaModule).Assembly,
        typeof(RecommendationModule).Assembly,
        typeof(NotificationsModule).Assembly,
        typeof(ModerationModule).Assembly,
    ];

    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAccountsModule(configuration);
        services.AddChatModule(configuration);
        services.AddMediaModule(configuration);
        services.AddRecommendationModule(configuration);
        services.AddNotificationsModule(configuration);
        services.AddModerationModule(configuration);

        // Mediator generates its dispatch code at compile time from this call: every value must be a literal.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(AccountsModule), typeof(ChatModule), typeof(MediaModule), typeof(RecommendationModule), typeof(NotificationsModule), typeof(ModerationModule)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(UnitOfWorkBehavior<,>),
            ];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        app.MapAccountsModule();
        app.MapChatModule();
        app.MapMediaModule();
        app.MapRecommendationModule();
        app.MapNotificationsModule();
        app.MapModerationModule();
        return app;
    }
}
