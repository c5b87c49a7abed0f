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

            // Every problem has a code, whatever wrote it (routing's 404/405, authorization's 401/403, status-code pages).
            context.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.ForStatus(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode));
        });
        // A body or parameter the framework cannot bind throws in every environment (not only Development), so the
        // exception handler answers with the reason and a code instead of an empty 400/415.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<GlobalExceptionHandler>();
        return services;
    }
}
