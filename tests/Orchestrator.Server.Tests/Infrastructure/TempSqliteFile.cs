using Microsoft.Data.Sqlite;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>A SQLite database file of one test, under the temp folder, with its write-ahead log and shared memory.</summary>
public static class TempSqliteFile
{
    /// <summary>A new, unused path: <paramref name="purpose"/> names the test in the file name.</summary>
    public static string NewPath(string purpose) => Path.Combine(Path.GetTempPath(), $"orchestrator-{purpose}-{Guid.NewGuid():N}.db");

    /// <summary>Closes the pooled connections (they hold the files open) and deletes the database, its -wal and its -shm.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
