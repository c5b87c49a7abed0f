using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Recommendation.Features.TrainModel;
using ChatApp.Modules.Recommendation.Model;
using ChatApp.Modules.Recommendation.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Recommendation;

/// <summary>The Recommendation module's one entry point: ratings, profile scores and the taste model.</summary>
public static class RecommendationModule
{
    public const string Name = "recommendation";

    /// <summary>The module's endpoints in the order of the API document (see <see cref="ModuleEndpoints.MapCarterModules"/>); a new slice adds its endpoint here.</summary>
    private static readonly Type[] Endpoints =
    [
        typeof(Features.GetProfileScore.GetProfileScoreEndpoint),
        typeof(Features.GetRecommendations.GetRecommendationsEndpoint),
        typeof(Features.RateUser.RateUserEndpoint),
        typeof(Features.WithdrawRating.WithdrawRatingEndpoint),
    ];

    public static IServiceCollection AddRecommendationModule(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(RecommendationModule).Assembly;
        services.AddModuleDbContext<RecommendationDbContext>(Name, RecommendationDbContext.Schema);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddIntegrationEventHandlers(assembly);
        services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.SectionName)
            .Validate(o => o.MinimumRatings >= 2, "Recommendation:MinimumRatings must be at least 2.")
            .Validate(o => RatingScale.Problem(o.Scale.Minimum, o.Scale.Maximum, o.Scale.Neutral) is null,
                "Recommendation:Scale needs Minimum < Neutral < Maximum.")
            .Validate(o => o.DistrustConfidence is > 0.5 and < 1, "Recommendation:DistrustConfidence must lie between 0.5 and 1 (exclusive).")
            .Validate(o => o.PriorWeight >= 0, "Recommendation:PriorWeight must not be negative.")
            .Validate(o => o.RecommendationsPerUser is >= 1 and <= 500, "Recommendation:RecommendationsPerUser must lie between 1 and 500.")
            .Validate(o => o.KeepModelVersions >= 1, "Recommendation:KeepModelVersions must be at least 1.")
            .Validate(o => o.TrainingLease >= TimeSpan.FromSeconds(3), "Recommendation:TrainingLease must be at least 3 seconds.")
            .Validate(o => o.StoreBatch is >= 1 and <= 50_000, "Recommendation:StoreBatch must lie between 1 and 50000.")
            .ValidateOnStart();
        // The model's hyper-parameters: defaults chosen on validation slices (docs/recommendation.md), overridable
        // under Recommendation:Model (e.g. Recommendation:Model:Factorization:Factors).
        services.AddSingleton(_ => configuration.GetSection(RecommendationOptions.SectionName + ":Model").Get<RecommenderOptions>() ?? new RecommenderOptions());
        services.AddScoped<ScoreRequests>();
        services.AddSingleton<TrainingLock>();
        services.AddSingleton<ScoreCache>();
        services.AddScoped<IModuleInitializer, RecommendationJobsScheduler>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecommendationModule(this IEndpointRouteBuilder app)
    {
        app.MapCarterModules(typeof(RecommendationModule).Assembly, Endpoints);
        return app;
    }
}
