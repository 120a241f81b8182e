using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>One server and one fresh database per test class.</summary>
public abstract class ServerFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private OrchestratorFactory? _factory;
    private HttpClient? _client;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("orchestrator-test-").FullName;

    /// <summary>Why this fixture's database is not there (only outside CI); null when it is.</summary>
    public string? SkipReason { get; protected set; }

    public abstract DatabaseProvider Provider { get; }

    protected virtual bool SeedDemo => false;

    /// <summary>The workflows/ folder the server imports at start; by default none, so no order starts a workflow.</summary>
    protected virtual string? WorkflowsFolder => null;

    /// <summary>More configuration for the server, applied last (e.g. <c>Runtime:Clustering</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public HttpClient Client
    {
        get
        {
            Skip.If(SkipReason is not null, SkipReason);
            return _client!;
        }
    }

    public virtual async Task InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        if (connectionString is null)
        {
            return;
        }

        _factory = new OrchestratorFactory(Provider, connectionString, DataFolder, SeedDemo, WorkflowsFolder, Settings);
        _client = _factory.CreateClient();
        await SignIn.AsAsync(_client);
    }

    /// <summary>A new client of this server: anonymous, or signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> CreateClientAsync(string? userName = null, string? password = null)
    {
        var client = _factory!.CreateClient();
        if (userName is not null)
        {
            await SignIn.AsAsync(client, userName, password!);
        }

        return client;
    }

    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open is not worth failing a test run over.
        }
    }

    /// <summary>The running server's services (e.g. its endpoints), for checks the API cannot make.</summary>
    public IServiceProvider Services
    {
        get
        {
            Skip.If(SkipReason is not null, SkipReason);
            return _factory!.Services;
        }
    }

    /// <summary>Runs <paramref name="work"/> against the server's own database, for set-up and checks the API does not offer yet.</summary>
    public async Task<T> WithDbAsync<T>(Func<OrchestratorDbContext, Task<T>> work)
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var scope = _factory!.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>());
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>Returns a connection string to a new, empty database, or null (with <see cref="SkipReason"/>) when none can be had.</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
}
