using System.Net;
using System.Net.Sockets;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Where a provider picture may be fetched from on the network: public addresses only, unless
/// <see cref="ExternalSignInOptions.PicturesFromPrivateAddresses"/> allows the rest (local stand-ins). Checked on the
/// address the connection actually goes to (after DNS), so a picture host whose name resolves to this machine, the
/// cloud's metadata service or the internal network is never asked, even through a redirect or a changed DNS answer.
/// </summary>
internal static class PictureAddresses
{
    /// <summary>True for addresses a picture fetch must never reach: loopback, private, link-local, shared, multicast, unspecified.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved
                   || (b[0] == 100 && b[1] is >= 64 and <= 127) // shared address space (carrier-grade NAT)
                   || (b[0] == 169 && b[1] == 254) // link-local, where clouds answer metadata requests
                   || (b[0] == 172 && b[1] is >= 16 and <= 31)
                   || (b[0] == 192 && b[1] == 168)
                   || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, documentation
                   || (b[0] == 198 && b[1] is 18 or 19); // benchmarking
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                   || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
                   || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8); // documentation 2001:db8::/32
        }

        return true;
    }

    /// <summary>
    /// Connects to the first allowed address of the host (SocketsHttpHandler's connect step); when the host has none,
    /// fails with <see cref="PictureAddressRefusedException"/> without opening any connection.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivate ? addresses : addresses.Where(a => !IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new PictureAddressRefusedException($"{host} has no public address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
