namespace ChatApp.Modules.Accounts.External;

/// <summary>A picture host that resolves only to addresses a fetch must not reach (<see cref="PictureAddresses"/>).</summary>
internal sealed class PictureAddressRefusedException(string message) : Exception(message);
