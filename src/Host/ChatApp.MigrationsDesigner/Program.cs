using ChatApp.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.EntityFrameworkCore.MySql.Design.Internal;

// Usage: dotnet run --project src/Host/ChatApp.MigrationsDesigner -- <module> <MigrationName>
// Writes the migration into src/Modules/<Module>/ChatApp.Modules.<Module>/Persistence/Migrations. Rebuild before adding the next one:
// the scaffolder compares the model with the snapshot compiled into the module.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ChatApp.MigrationsDesigner <module> <MigrationName>   modules: " + string.Join(", ", DesignModules.All.Select(m => m.Module)));
    return 2;
}

var module = DesignModules.All.SingleOrDefault(m => string.Equals(m.Module, args[0], StringComparison.OrdinalIgnoreCase));
if (module is null)
{
    Console.Error.WriteLine($"unknown module '{args[0]}'");
    return 2;
}

// Migrations are provider-level operations; the SQL for the actual server version is generated when they are applied.
var settings = new DatabaseSettings(DatabaseProvider.MySql, "Server=localhost;Database=design", "", false, "10.11.0-mariadb");
var optionsBuilder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(module.ContextType))!;
ModuleDbContextExtensions.Configure(optionsBuilder, settings, module.Module, module.Schema);
using var context = (DbContext)Activator.CreateInstance(module.ContextType, optionsBuilder.Options)!;

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(context);
new MySqlDesignTimeServices().ConfigureDesignTimeServices(services);
using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();

var assemblyName = module.ContextType.Assembly.GetName().Name!;
var moduleFolder = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "src", "Modules", char.ToUpperInvariant(module.Module[0]) + module.Module[1..], assemblyName));
var migration = scaffolder.ScaffoldMigration(args[1], assemblyName, "Persistence.Migrations", "C#");
var files = scaffolder.Save(moduleFolder, migration, Path.Combine(moduleFolder, "Persistence", "Migrations"));
Console.WriteLine($"Wrote {files.MigrationFile}\n      {files.MetadataFile}\n      {files.SnapshotFile}");
return 0;

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatApp.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

/// <summary>The module databases known to the designer (one line per module).</summary>
internal static class DesignModules
{
    public static readonly ModuleDatabase[] All =
    [
        new(ChatApp.Modules.Accounts.AccountsModule.Name, ChatApp.Modules.Accounts.Persistence.AccountsDbContext.Schema, typeof(ChatApp.Modules.Accounts.Persistence.AccountsDbContext)),
        new(ChatApp.Modules.Chat.ChatModule.Name, ChatApp.Modules.Chat.Persistence.ChatDbContext.Schema, typeof(ChatApp.Modules.Chat.Persistence.ChatDbContext)),
        new(ChatApp.Modules.Media.MediaModule.Name, ChatApp.Modules.Media.Persistence.MediaDbContext.Schema, typeof(ChatApp.Modules.Media.Persistence.MediaDbContext)),
        new(ChatApp.Modules.Recommendation.RecommendationModule.Name, ChatApp.Modules.Recommendation.Persistence.RecommendationDbContext.Schema, typeof(ChatApp.Modules.Recommendation.Persistence.RecommendationDbContext)),
        new(ChatApp.Modules.Notifications.NotificationsModule.Name, ChatApp.Modules.Notifications.Persistence.NotificationsDbContext.Schema, typeof(ChatApp.Modules.Notifications.Persistence.NotificationsDbContext)),
        new(ChatApp.Modules.Moderation.ModerationModule.Name, ChatApp.Modules.Moderation.Persistence.ModerationDbContext.Schema, typeof(ChatApp.Modules.Moderation.Persistence.ModerationDbContext)),
    ];
}
