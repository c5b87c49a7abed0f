
namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>Work a module does once its schema exists (seeding, scheduling recurring jobs).</summary>
public interface IModuleInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
