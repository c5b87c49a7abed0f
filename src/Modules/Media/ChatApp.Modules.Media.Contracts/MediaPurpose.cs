namespace ChatApp.Modules.Media.Contracts;

/// <summary>What an image is for; decides its variants and whether its URLs are public (avatars) or signed (chat).</summary>
public enum MediaPurpose
{
    Avatar = 1,
    Chat = 2,
}
