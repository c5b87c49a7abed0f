namespace ChatApp.BuildingBlocks.Text;

/// <summary>What a piece of user-provided text is shown as, which decides the characters it may hold (ADR 0018).</summary>
public enum UserTextKind
{
    /// <summary>A one-line label shown beside other people's: a display name, a room name, a reaction key.</summary>
    Name,

    /// <summary>Free text that may span lines: a message, a bio. Line feeds and tabs are allowed.</summary>
    Text,
}
