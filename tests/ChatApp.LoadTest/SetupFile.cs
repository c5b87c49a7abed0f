using System.Text.Json;

namespace ChatApp.LoadTest;

/// <summary>
/// Users (with access tokens) and rooms made by <c>--setup-only</c>, read back by <c>--reuse</c>: user i is a member of
/// room i / <see cref="RoomSize"/>, so that a later run against a freshly started server can connect and send at once.
/// <see cref="Offline"/> (--offline-per-room): members who never connect, each with a registered push device (token
/// <see cref="DeviceToken"/>); offline user j is in room j / <see cref="OfflinePerRoom"/>.
/// </summary>
internal sealed record SetupFile(string Prefix, int RoomSize, IReadOnlyList<LoadUser> Users, IReadOnlyList<Guid> Rooms, int OfflinePerRoom = 0, IReadOnlyList<LoadUser>? Offline = null)
{
    public IReadOnlyList<LoadUser> OfflineUsers => Offline ?? [];

    /// <summary>The FCM registration token of offline user <paramref name="j"/>'s phone.</summary>
    public string DeviceToken(int j) => $"bench-{Prefix}-{j}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(string path) => await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));

    public static async Task<SetupFile> ReadAsync(string path)
    {
        var file = JsonSerializer.Deserialize<SetupFile>(await File.ReadAllTextAsync(path), Json)
            ?? throw new InvalidDataException($"{path} holds no setup.");
        if (file.RoomSize < 2 || file.Users.Count != file.Rooms.Count * file.RoomSize || file.OfflineUsers.Count != file.Rooms.Count * file.OfflinePerRoom)
        {
            throw new InvalidDataException($"{path}: {file.Users.Count} users do not fill {file.Rooms.Count} rooms of {file.RoomSize}.");
        }

        return file;
    }
}
