
namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>One module's database: its name (also its SQLite file and MySQL table prefix) and its DbContext type.</summary>
public sealed record ModuleDatabase(string Module, string Schema, Type ContextType);
