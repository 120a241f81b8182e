using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Runtime.Hosting;

namespace Orchestrator.Workflows.Runtime.Clustering;

/// <summary>Membership and reminders in a PostgreSQL or SQL Server database, for several servers in one cluster.</summary>
internal static class AdoNetClustering
{
    public static ISiloBuilder UseAdoNet(this ISiloBuilder silo, RuntimeOptions options, string databaseProvider, string? databaseConnectionString)
    {
        var invariant = options.AdoNetInvariant ?? databaseProvider switch
        {
            "PostgreSql" => OrleansSchemaDialect.PostgreSqlInvariant,
            "SqlServer" => OrleansSchemaDialect.SqlServerInvariant,
            _ => throw new InvalidOperationException("Runtime:Clustering AdoNet needs SQL Server or PostgreSQL (Database:Provider), or Runtime:AdoNetInvariant."),
        };
        if (!OrleansSchemaDialect.Invariants.Contains(invariant, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Runtime:AdoNetInvariant '{invariant}' is not supported; use one of {string.Join(", ", OrleansSchemaDialect.Invariants)}.");
        }

        var connectionString = new[] { options.AdoNetConnectionString, databaseConnectionString }.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s))
            ?? throw new InvalidOperationException("Runtime:Clustering AdoNet needs Runtime:AdoNetConnectionString or Database:ConnectionString.");

        if (options.AdvertisedIPAddress is null)
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
        }
        else if (IPAddress.TryParse(options.AdvertisedIPAddress, out var address))
        {
            silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort);
        }
        else
        {
            throw new InvalidOperationException($"Runtime:AdvertisedIPAddress '{options.AdvertisedIPAddress}' is not an IP address.");
        }

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, OrleansSchemaInstaller>();
        return silo;
    }
}
