using System.Reflection;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>Every module database of the host, so that shared machinery (unit of work, migrations, outbox) finds them.</summary>
public sealed class ModuleDatabaseRegistry(IEnumerable<ModuleDatabase> databases)
{
    private readonly ModuleDatabase[] _databases = databases.ToArray();

    public IReadOnlyList<ModuleDatabase> All => _databases;

    public ModuleDatabase? ForAssembly(Assembly assembly) =>
        Array.Find(_databases, database => database.ContextType.Assembly == assembly);
}
