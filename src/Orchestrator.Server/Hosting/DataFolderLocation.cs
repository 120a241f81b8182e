namespace Orchestrator.Server.Hosting;

/// <summary>Where the server keeps its SQLite file and logs: <c>Orchestrator:DataFolder</c>, relative to the content root.</summary>
internal static class DataFolderLocation
{
    public static string DataFolder(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Orchestrator:DataFolder"];
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
