using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>Recognises the database refusals that mean "two transactions collided, run yours again".</summary>
public static class TransientConflicts
{
    public static bool IsDeadlock(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout }:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
            }
        }

        return false;
    }
}
