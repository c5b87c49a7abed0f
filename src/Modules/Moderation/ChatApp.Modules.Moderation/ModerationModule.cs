using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Moderation;

/// <summary>The Moderation module's one entry point: reports, the moderators' pages and their audit log.</summary>
public static class ModerationModule
{
    public const string Name = "moderation";

    /// <summary>The module's endpoints in the order of the API document (see <see cref="ModuleEndpoints.MapCarterModules"/>); a new slice adds its endpoint here.</summary>
    private static readonly Type[] Endpoints =
    [
        typeof(Features.SubmitReport.SubmitReportEndpoint),
        typeof(Features.ListMyReports.ListMyReportsEndpoint),
        typeof(Features.ListMyNotices.ListMyNoticesEndpoint),
        typeof(Features.ReviewQueue.ReviewQueueEndpoint),
        typeof(Features.ReviewReport.ReviewReportEndpoint),
        typeof(Features.ModerateReport.ModerateReportEndpoint),
        typeof(Features.ListAuditLog.ListAuditLogEndpoint),
    ];

    public static IServiceCollection AddModerationModule(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(ModerationModule).Assembly;
        services.AddModuleDbContext<ModerationDbContext>(Name, ModerationDbContext.Schema);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddIntegrationEventHandlers(assembly);
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName)
            .Validate(o => o.AutoHideReporters >= 1 && o.AutoHideWindow > TimeSpan.Zero, "Moderation:AutoHideReporters must be at least 1 and AutoHideWindow positive.")
            .Validate(o => o.ContextMessages is >= 0 and <= 50, "Moderation:ContextMessages is 0 to 50.")
            .Validate(o => o.EvidenceRetention >= TimeSpan.Zero, "Moderation:EvidenceRetention must not be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.EvidenceReleaseCron), "Moderation:EvidenceReleaseCron is required.")
            .ValidateOnStart();
        services.AddScoped<IModuleInitializer, Features.ReleaseEvidence.ModerationJobsScheduler>();
        services.AddScoped<Features.ReleaseEvidence.ReleaseEvidenceJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapModerationModule(this IEndpointRouteBuilder app)
    {
        app.MapCarterModules(typeof(ModerationModule).Assembly, Endpoints);
        return app;
    }
}
