using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// SQLite on a disk a test can fill: a 16 MB tmpfs mounted for the database (as root), filled with a ballast file. Where
/// mounting is refused, the database is capped with <c>Database:Sqlite:MaxPageCount</c> instead and the ballast is a
/// table of blobs: SQLite answers SQLITE_FULL either way, which is the path under test.
/// </summary>
public sealed class DiskFullSqliteFixture : ServerFixture
{
    /// <summary>The page cap of the fallback: 16 MB of 4 KB pages, like the tmpfs.</summary>
    private const int MaxPages = 4096;

    private string? _mountPoint;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>True when the database sits on its own small tmpfs; false when it is capped by page count.</summary>
    public bool OnTmpfs => _mountPoint is not null;

    public string DatabasePath { get; private set; } = "";

    protected override IReadOnlyDictionary<string, string?> Settings => OnTmpfs
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["Database:Sqlite:MaxPageCount"] = MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, DefaultTimeout = 30, Pooling = false }.ToString();

    /// <summary>Takes all the space there is, until the file system (or the page cap) refuses more.</summary>
    public async Task FillAsync()
    {
        if (OnTmpfs)
        {
            var chunk = new byte[64 * 1024];
            await using var ballast = new FileStream(Path.Combine(_mountPoint!, "ballast"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
            try
            {
                while (true)
                {
                    await ballast.WriteAsync(chunk);
                }
            }
            catch (IOException)
            {
                // ENOSPC: the disk is full.
            }

            return;
        }

        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS test_ballast (b BLOB)");
        try
        {
            while (true)
            {
                await ExecuteAsync(connection, "INSERT INTO test_ballast VALUES (zeroblob(65536))");
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 13)
        {
            // SQLITE_FULL: the cap is reached.
        }
    }

    /// <summary>Gives the space back.</summary>
    public async Task FreeAsync()
    {
        if (OnTmpfs)
        {
            File.Delete(Path.Combine(_mountPoint!, "ballast"));
            return;
        }

        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "DELETE FROM test_ballast");
    }

    /// <summary>SQLite's own verdict on the file: "ok" when it is not corrupt.</summary>
    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    protected override async Task<string?> CreateDatabaseAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(DataFolder, "db")).FullName;
        if (await TryRunAsync("mount", $"-t tmpfs -o size=16m tmpfs {folder}"))
        {
            _mountPoint = folder;
        }

        DatabasePath = Path.Combine(folder, "orchestrator.db");
        return new SqliteConnectionStringBuilder { DataSource = DatabasePath, DefaultTimeout = 30 }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_mountPoint is not null)
        {
            await TryRunAsync("umount", _mountPoint);
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        if (!OnTmpfs)
        {
            await ExecuteAsync(connection, $"PRAGMA max_page_count={MaxPages}");
        }

        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> TryRunAsync(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
