using System.Net;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.UnitTests.Accounts;

public sealed class PictureAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("2001:db8::1")]
    public void Addresses_inside_this_machine_or_network_are_private(string address) =>
        Assert.True(PictureAddresses.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("157.240.22.35")] // a Facebook CDN address
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2a03:2880:f12f:83:face:b00c::25de")]
    [InlineData("::ffff:157.240.22.35")]
    public void Public_addresses_are_not(string address) =>
        Assert.False(PictureAddresses.IsPrivate(IPAddress.Parse(address)));
}
