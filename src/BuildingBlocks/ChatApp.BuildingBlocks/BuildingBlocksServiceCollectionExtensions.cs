using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Results;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks;

public static class BuildingBlocksServiceCollectionExtensions
{
    /// <summary>What every module relies on: clock, ids, database settings, the outbox signal, ProblemDetails and the exception handler.</summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, SortableIdGenerator>();
        services.AddSingleton(DatabaseSettings.From(configuration, environment));
        services.TryAddSingleton<ModuleDatabaseRegistry>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddScoped<AfterCommit>();
        services.TryAddSingleton<Behaviors.RefusalSummary>();
        // Registered before any module so that it starts before the modules' background services.
        services.AddHostedService<ModuleInitializationService>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (context.ProblemDetails.Extensions.TryGetValue(ResultHttpExtensions.RetryAfterExtension, out var retryAfter) && retryAfter is int seconds)
            {
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (context.ProblemDetails.Status == StatusCodes.Status401Unauthorized)
            {
                context.ProblemDetails.Extensions.TryAdd("code", "unauthorized");
            }
        });
        services.AddExceptionHandler<GlobalExceptionHandler>();
        return services;
    }
}
