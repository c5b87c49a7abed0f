using System.Reflection;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>One module's database: its name (also its SQLite file and MySQL table prefix) and its DbContext type.</summary>
public sealed record ModuleDatabase(string Module, string Schema, Type ContextType);

/// <summary>Every module database of the host, so that shared machinery (unit of work, migrations, outbox) finds them.</summary>
public sealed class ModuleDatabaseRegistry(IEnumerable<ModuleDatabase> databases)
{
    private readonly ModuleDatabase[] _databases = databases.ToArray();

    public IReadOnlyList<ModuleDatabase> All => _databases;

    public ModuleDatabase? ForAssembly(Assembly assembly) =>
        Array.Find(_databases, database => database.ContextType.Assembly == assembly);
}

/// <summary>Work a module does once its schema exists (seeding, scheduling recurring jobs).</summary>
public interface IModuleInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
