using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// Runs before the rate limiter on anonymous requests to endpoints with <see cref="RateLimitAccount"/>: reads the named
/// member from the JSON body (buffered, so the endpoint reads the body again) or the form, and leaves the account key
/// for the policy. A body that is too large, neither JSON nor a form, or lacks the member is counted under one shared key per kind, so padding a body
/// or leaving the member out never escapes the per-account limit.
/// </summary>
internal sealed class RateLimitAccountMiddleware(RequestDelegate next, RateLimitsOptions options)
{
    /// <summary>Larger bodies are not parsed here (the login and register bodies are well under 1 KiB).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly object ItemKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Enabled && context.GetEndpoint()?.Metadata.GetMetadata<RateLimitAccount>() is { } account && context.User.Identity?.IsAuthenticated != true)
        {
            context.Items[ItemKey] = await ReadAccountKeyAsync(context.Request, account);
        }

        await next(context);
    }

    /// <summary>The account key the middleware found for this request, if its endpoint names one.</summary>
    public static string? AccountKeyOf(HttpContext context) => context.Items.TryGetValue(ItemKey, out var key) ? key as string : null;

    private static async Task<string> ReadAccountKeyAsync(HttpRequest request, RateLimitAccount account)
    {
        if (request.HasFormContentType)
        {
            // A form is read once and cached by ASP.NET Core (Request.Form), so the endpoint reads the same values,
            // joined as the endpoint's form["..."].ToString() joins a repeated field.
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return "bad-form";
            }

            return form.TryGetValue(account.Property, out var field) && field.Count > 0 ? "v:" + account.KeyOf(field.ToString()) : "no-" + account.Property;
        }

        if (!request.HasJsonContentType())
        {
            return "not-json";
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return "too-large";
        }

        request.EnableBuffering(bufferThreshold: MaxBodyBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBodyBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            request.Body.Position = 0;
            if (length > MaxBodyBytes)
            {
                return "too-large";
            }

            return FindString(buffer.AsSpan(0, length), account.Property) is { } value ? "v:" + account.KeyOf(value) : "no-" + account.Property;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The string value of a top-level member (its last occurrence), or null if the body is not a JSON object that has one.</summary>
    private static string? FindString(ReadOnlySpan<byte> json, string property)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            // The last occurrence wins, as it does for the JSON binder: a duplicate member cannot pick another count.
            string? value = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = string.Equals(reader.GetString(), property, StringComparison.OrdinalIgnoreCase);
                reader.Read();
                if (matches)
                {
                    value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return value;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or a string that is not valid UTF-16 (a lone surrogate escape): the endpoint refuses the
            // body itself; here it counts under the "no value" key instead of failing the request.
            return null;
        }
    }
}
