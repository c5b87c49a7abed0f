using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}
