using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>Recognises database refusals by meaning, whatever the provider, and whether EF wrapped them or not.</summary>
public static class DatabaseErrors
{
    /// <summary>Two transactions collided: run yours again.</summary>
    public static bool IsDeadlock(Exception exception) => Any(exception, ex => ex switch
    {
        MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        _ => false,
    });

    /// <summary>A unique index refused the row: it is already there.</summary>
    public static bool IsUniqueViolation(Exception exception) => Any(exception, ex => ex switch
    {
        MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        _ => false,
    });

    /// <summary>
    /// A concurrent transaction got in the way (deadlock, unique-key race, a row changed or deleted meanwhile): running
    /// the whole command again sees the other side's result.
    /// </summary>
    public static bool IsConflict(Exception exception) =>
        IsDeadlock(exception) || IsUniqueViolation(exception) || Any(exception, ex => ex is DbUpdateConcurrencyException);

    private static bool Any(Exception exception, Func<Exception, bool> test)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (test(ex))
            {
                return true;
            }
        }

        return false;
    }
}
