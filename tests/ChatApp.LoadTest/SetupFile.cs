using System.Text.Json;

namespace ChatApp.LoadTest;

/// <summary>
/// Users (with access tokens) and rooms made by <c>--setup-only</c>, read back by <c>--reuse</c>: user i is a member of
/// room i / <see cref="RoomSize"/>, so that a later run against a freshly started server can connect and send at once.
/// </summary>
internal sealed record SetupFile(string Prefix, int RoomSize, IReadOnlyList<LoadUser> Users, IReadOnlyList<Guid> Rooms)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(string path) => await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));

    public static async Task<SetupFile> ReadAsync(string path)
    {
        var file = JsonSerializer.Deserialize<SetupFile>(await File.ReadAllTextAsync(path), Json)
            ?? throw new InvalidDataException($"{path} holds no setup.");
        if (file.RoomSize < 2 || file.Users.Count != file.Rooms.Count * file.RoomSize)
        {
            throw new InvalidDataException($"{path}: {file.Users.Count} users do not fill {file.Rooms.Count} rooms of {file.RoomSize}.");
        }

        return file;
    }
}
