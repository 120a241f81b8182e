using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// Loopback ports nobody listens on, so each test host's Orleans silo (and HTTP) gets its own (DESIGN.md §5). They come
/// from below Linux's ephemeral range (32768+), where outgoing connections (HTTP clients, database pools) take their
/// ports: a port the OS handed out for "port 0" could be taken by such a connection before the server binds it.
/// Each port is handed out once per test run, and only after a bind shows it free.
/// </summary>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static int _next = First + (Environment.ProcessId % 50 * 200);

    public static int Next()
    {
        for (var tries = 0; tries < Last - First; tries++)
        {
            var port = First + ((Interlocked.Increment(ref _next) - First) % (Last - First));
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Someone listens there: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
