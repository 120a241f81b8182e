using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Loopback ports nobody listens on, so each test host's Orleans silo (and HTTP) gets its own (DESIGN.md §5).</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
