using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Bench.Throughput;

/// <summary>CPU seconds (user + system) of this process, and of every process of a given name (PostgreSQL's backends), from /proc.</summary>
internal static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc's times: 100 on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    public static double OwnSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>
    /// The CPU seconds the live processes called <paramref name="name"/> have used (0 without /proc). A backend that
    /// exits between two readings takes its seconds with it, so the bench reads this while its connections stay open.
    /// </summary>
    public static double OfProcessesNamed(string name)
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        var ticks = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != name)
                {
                    continue;
                }

                // After "(comm) ", field 3 is the state; utime and stime are fields 14 and 15.
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // not a process folder, or the process ended while being read
            }
        }

        return ticks / TicksPerSecond;
    }
}
