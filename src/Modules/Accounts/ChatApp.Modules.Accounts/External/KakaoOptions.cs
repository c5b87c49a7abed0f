namespace ChatApp.Modules.Accounts.External;

/// <summary>Section <c>Accounts:External:Kakao</c>: configured when <see cref="AppId"/> (the numeric app id) is set.</summary>
internal sealed class KakaoOptions
{
    public long? AppId { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://kapi.kakao.com");

    public bool IsConfigured => AppId is not null;
}
