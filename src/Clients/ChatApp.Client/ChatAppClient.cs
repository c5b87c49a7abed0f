using ChatApp.Client.Accounts;
using ChatApp.Client.Auth;
using ChatApp.Client.Chat;
using ChatApp.Client.Http;
using ChatApp.Client.Media;
using ChatApp.Client.Moderation;
using ChatApp.Client.Notifications;
using ChatApp.Client.People;
using ChatApp.Client.Recommendations;
using ChatApp.Client.Realtime;

namespace ChatApp.Client;

/// <summary>
/// The ChatApp API for one signed-in device: REST areas over <see cref="HttpClient"/> (its BaseAddress is the server's
/// origin) and the realtime hub, sharing one <see cref="Auth.Session"/>.
/// </summary>
public sealed class ChatAppClient : IAsyncDisposable
{
    private readonly Uri _baseAddress;
    private readonly ChatAppClientOptions _options;
    private ChatRealtime? _realtime;

    public ChatAppClient(HttpClient http, ChatAppClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _baseAddress = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress (the server's origin).", nameof(http));
        _options = options ?? new ChatAppClientOptions();
        var api = new ApiConnection(http, _options.StrictContract);
        Accounts = new AccountsApi(api);
        Session = new Session(_options.TokenStore, (token, ct) => Accounts.RefreshAsync(token, ct), _options.RefreshBeforeExpiry, _options.TimeProvider);
        api.Session = Session;
        Chat = new ChatApi(api);
        Media = new MediaApi(api);
        People = new PeopleApi(api);
        Recommendations = new RecommendationsApi(api);
        Notifications = new NotificationsApi(api);
        Moderation = new ModerationApi(api);
    }

    public Session Session { get; }

    public AccountsApi Accounts { get; }

    public ChatApi Chat { get; }

    public MediaApi Media { get; }

    public PeopleApi People { get; }

    public RecommendationsApi Recommendations { get; }

    public NotificationsApi Notifications { get; }

    public ModerationApi Moderation { get; }

    /// <summary>The hub connection of this client (created on first use; call <see cref="ChatRealtime.StartAsync"/>).</summary>
    public ChatRealtime Realtime => _realtime ??= new ChatRealtime(_baseAddress, Chat, Session, _options);

    public async ValueTask DisposeAsync()
    {
        if (_realtime is not null)
        {
            await _realtime.DisposeAsync();
        }
    }
}
