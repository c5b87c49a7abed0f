using ChatApp.Client;
using ChatApp.Client.Accounts;

namespace ChatApp.Web.Services;

/// <summary>Who is signed in on this tab, and the chat state that lives while they are.</summary>
internal sealed class AppSession(ChatAppClient client, ChatState chat)
{
    private Task? _restoring;

    public MyProfile? Me { get; private set; }

    public bool IsSignedIn => Me is not null;

    public event Action? Changed;

    /// <summary>Restores a stored session once per page load (tokens in localStorage); false when nobody is signed in.</summary>
    public async Task<bool> EnsureRestoredAsync()
    {
        _restoring ??= RestoreAsync();
        await _restoring;
        return IsSignedIn;
    }

    public async Task SignInAsync(string email, string password)
    {
        await client.Accounts.LoginAsync(email, password, deviceName: "Web browser");
        await StartAsync();
    }

    public async Task SignUpAsync(string email, string password, string displayName, string? handle)
    {
        await client.Accounts.RegisterAsync(email, password, displayName, string.IsNullOrWhiteSpace(handle) ? null : handle.Trim());
        await SignInAsync(email, password);
    }

    public async Task SignOutAsync()
    {
        await chat.StopAsync();
        try
        {
            await client.Accounts.LogoutAsync();
        }
        catch (ChatAppApiException)
        {
            // Already revoked on the server: the tokens are forgotten all the same.
        }
        catch (HttpRequestException)
        {
            // Offline: the tokens are forgotten all the same.
        }

        Me = null;
        Changed?.Invoke();
    }

    public void Update(MyProfile me)
    {
        Me = me;
        Changed?.Invoke();
    }

    private async Task RestoreAsync()
    {
        client.Session.SignedOut += refused => OnSignedOut();
        if (await client.Session.IsSignedInAsync())
        {
            try
            {
                await StartAsync();
            }
            catch (ChatAppApiException)
            {
                Me = null;
            }
        }
    }

    private void OnSignedOut()
    {
        Me = null;
        _ = chat.StopAsync();
        Changed?.Invoke();
    }

    private async Task StartAsync()
    {
        Me = await client.Accounts.GetMeAsync();
        await chat.StartAsync(Me.Id);
        Changed?.Invoke();
    }
}
