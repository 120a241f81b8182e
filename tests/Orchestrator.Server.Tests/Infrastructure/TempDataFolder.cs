using Microsoft.Data.Sqlite;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>A data folder of its own for a server process (its SQLite file and logs), removed when the test is done.</summary>
public sealed class TempDataFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        // Pooled connections of this process would keep the SQLite file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file a killed process still held open: left for the OS to clean up.
        }
    }
}
