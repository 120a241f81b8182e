namespace Orchestrator.Workflows.Runtime.Hosting;

public enum ClusteringKind
{
    /// <summary>One silo in this process on 127.0.0.1: the embedded default.</summary>
    Localhost,

    /// <summary>Membership and reminders in a SQL Server or PostgreSQL database, for several servers.</summary>
    AdoNet,
}

/// <summary>The <c>Runtime</c> configuration section: how the Orleans silo inside the server is clustered.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>
    /// <c>Runtime:Membership</c> binds onto Orleans' <c>ClusterMembershipOptions</c> (e.g. <c>ProbeTimeout</c>,
    /// <c>NumMissedProbesLimit</c>): how fast a dead server is noticed in an AdoNet cluster.
    /// </summary>
    public const string MembershipSection = "Membership";

    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>Silo-to-silo port; every server (and every test host) on one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "orchestrator";

    public string ServiceId { get; set; } = "orchestrator";

    /// <summary>ADO.NET provider invariant, e.g. <c>Npgsql</c> or <c>Microsoft.Data.SqlClient</c>; defaults from Database:Provider.</summary>
    public string? AdoNetInvariant { get; set; }

    /// <summary>Defaults to Database:ConnectionString.</summary>
    public string? AdoNetConnectionString { get; set; }

    /// <summary>
    /// AdoNet only: the address other servers reach this silo on, and the one it listens on. By default Orleans picks
    /// this host's address; tests pin 127.0.0.1.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>How many instances the background waker runs at once.</summary>
    public int WakeParallelism { get; set; } = 16;

    /// <summary>
    /// How long an instance's grain stays in memory without a call before it deactivates (default 120 s; Orleans' own
    /// default is 15 minutes). Most instances wait at picking for minutes to hours, and a deep backlog would otherwise
    /// keep each one's state and held order in memory; the next call reads them back (one query, and the order's three
    /// when a step needs it). At least 2 seconds.
    /// </summary>
    public int IdleInstanceSeconds { get; set; } = 120;

    /// <summary>
    /// A run keeps its steps' changes in memory and writes them at its commits (when it waits, ends or faults, and around
    /// a call out), so a step reads and evaluates without holding a transaction: on SQLite the run holds the file's
    /// writer only while it writes. Off: each step is saved into the run's transaction as it ends (the behaviour before
    /// 2026-12-06), which holds the writer from the run's first step to its commit. See <c>RunTransaction</c>.
    /// </summary>
    public bool DeferStepWrites { get; set; } = true;

    /// <summary>
    /// A run's commits write its edited rows (the instance, its order and packages, reservations) and the rows it adds
    /// that nothing refers to (a waybill, a reservation, a ship confirmation) with prepared statements instead of EF's
    /// update pipeline (<c>PreparedWrites</c>); deletes, rows others refer to, and rows a save interceptor watches (the
    /// audit trail's, master data, another order's) are still EF's. Off: every write of a run is EF's, as before 2026-12-07.
    /// </summary>
    public bool PreparedWrites { get; set; } = true;

    /// <summary>
    /// With <see cref="DeferStepWrites"/>, a run's stock reservations, releases and deductions are written at its commit
    /// too (<c>StockAtCommit</c>): a step reads what is free and decides, and the commit sends the counters' updates first
    /// thing, a reservation's still conditional. So a best-selling goods' row is locked (and on SQLite the file's writer
    /// held) only for a commit, not from the step that reserved to the end of its run. A reservation that no longer fits
    /// at the commit makes the run go again from its last commit. Off: the counters are updated when the step decides,
    /// as before 2026-12-07.
    /// </summary>
    public bool StockAtCommit { get; set; } = true;
}
