using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApp.Client.Auth;

namespace ChatApp.Client.Http;

/// <summary>
/// Sends requests with the session's access token (refreshing once on a 401 and trying again), reads answers with the
/// web JSON conventions, and turns every problem response into a <see cref="ChatAppApiException"/>.
/// </summary>
internal sealed class ApiConnection
{
    private readonly HttpClient _http;

    public ApiConnection(HttpClient http, bool strict)
    {
        _http = http;
        Json = CreateJsonOptions(strict);
    }

    public JsonSerializerOptions Json { get; }

    public Session Session { get; set; } = null!;

    public static JsonSerializerOptions CreateJsonOptions(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.RespectNullableAnnotations = true;
            options.RespectRequiredConstructorParameters = true;
        }
        return options;
    }

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        ReadAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, path), authenticated: true, cancellationToken);

    public Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, bool authenticated, CancellationToken cancellationToken) =>
        ReadAsync<T>(() => JsonRequest(method, path, body), authenticated, cancellationToken);

    public async Task SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => JsonRequest(method, path, body), authenticated: true, cancellationToken);
    }

    public async Task<T> ReadAsync<T>(Func<HttpRequestMessage> request, bool authenticated, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, authenticated, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new JsonException($"{request().RequestUri} answered null.");
    }

    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, bool authenticated, CancellationToken cancellationToken)
    {
        var token = authenticated ? await Session.GetAccessTokenAsync(cancellationToken) ?? throw NotSignedIn() : null;
        var response = await SendOnceAsync(request, token, cancellationToken);
        if (token is not null && response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            token = await Session.RefreshAsync(token, cancellationToken) ?? throw NotSignedIn();
            response = await SendOnceAsync(request, token, cancellationToken);
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemAsync(response, cancellationToken);
            }
        }
        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> request, string? token, CancellationToken cancellationToken)
    {
        using var message = request();
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _http.SendAsync(message, cancellationToken);
    }

    private HttpRequestMessage JsonRequest(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) };

    private static ChatAppApiException NotSignedIn() =>
        new(HttpStatusCode.Unauthorized, "unauthorized", "Not signed in.", new Dictionary<string, string[]>(), null);

    /// <summary>Reads a problem response (docs/api.md "Errors"); a body that is not one still gets the status's generic code.</summary>
    public static async Task<ChatAppApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? code = null;
        string? detail = null;
        double? retryAfterSeconds = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = String(root, "code");
                detail = String(root, "detail") ?? String(root, "title");
                if (root.TryGetProperty("retryAfter", out var hint) && hint.ValueKind == JsonValueKind.Number)
                {
                    retryAfterSeconds = hint.GetDouble();
                }
                if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in fields.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            detail = text.Length > 200 ? text[..200] : text;
        }
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => retryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null,
        };
        return new ChatAppApiException(response.StatusCode, code ?? GenericCode(response.StatusCode), detail, errors, retryAfter);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string GenericCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "bad_request",
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not_found",
        HttpStatusCode.MethodNotAllowed => "method_not_allowed",
        HttpStatusCode.RequestEntityTooLarge => "request.too_large",
        HttpStatusCode.UnsupportedMediaType => "unsupported_media_type",
        HttpStatusCode.TooManyRequests => "rate_limited",
        _ => "internal_error",
    };
}
