using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Media.Features.CatalogLookup;
using ChatApp.Modules.Media.Features.CleanUpMedia;
using ChatApp.Modules.Media.Processing;
using ChatApp.Modules.Media.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Media;

/// <summary>The Media module's one entry point: image uploads, their variants, storage (local disk or S3) and URLs.</summary>
public static class MediaModule
{
    public const string Name = "media";

    /// <summary>The module's endpoints in the order of the API document (see <see cref="ModuleEndpoints.MapCarterModules"/>); a new slice adds its endpoint here.</summary>
    private static readonly Type[] Endpoints =
    [
        typeof(Features.GetImage.GetImageEndpoint),
        typeof(Features.ServeFile.ServeFileEndpoint),
        typeof(Features.UploadImage.UploadImageEndpoint),
    ];

    public static IServiceCollection AddMediaModule(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(MediaModule).Assembly;
        services.AddModuleDbContext<MediaDbContext>(Name, MediaDbContext.Schema);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddIntegrationEventHandlers(assembly);
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName)
            .Validate(o => o.Storage is "Local" or "S3", "Media:Storage must be Local or S3.")
            .Validate(o => o.JpegQuality is >= 1 and <= 100, "Media:JpegQuality must be 1..100.")
            .ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MediaOptions>>().Value;
            return new ImageProcessor((int)Math.Min(options.MaxPixels, int.MaxValue), options.JpegQuality);
        });
        services.AddSingleton(provider =>
        {
            var slots = provider.GetRequiredService<IOptions<MediaOptions>>().Value.MaxConcurrentProcessing;
            return new ProcessingGate(slots > 0 ? slots : Environment.ProcessorCount);
        });
        services.AddSingleton<IObjectStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MediaOptions>>().Value;
            if (options.Storage == "S3")
            {
                return new S3ObjectStorage(options.S3);
            }

            var root = Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, options.LocalDirectory);
            return new LocalDiskObjectStorage(root, provider.GetRequiredService<IDataProtectionProvider>(), provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<MediaUrls>();
        services.AddScoped<IMediaCatalog, MediaCatalog>();
        services.AddScoped<IAvatarImport, Features.UploadImage.AvatarImport>();
        services.AddScoped<Usage.MediaUsage>();
        services.AddScoped<Usage.ImageDeletion>();
        services.AddScoped<IModuleInitializer, MediaInitializer>();
        return services;
    }

    public static IEndpointRouteBuilder MapMediaModule(this IEndpointRouteBuilder app)
    {
        app.MapCarterModules(typeof(MediaModule).Assembly, Endpoints);
        return app;
    }
}
