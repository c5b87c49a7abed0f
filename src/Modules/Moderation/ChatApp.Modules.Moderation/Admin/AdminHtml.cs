using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace ChatApp.Modules.Moderation.Admin;

/// <summary>
/// The frame of the moderators' server-rendered pages: plain HTML with inline styles and no script (the page content
/// security policy allows nothing else), every value HTML-encoded, forms carrying an antiforgery token.
/// </summary>
internal static class AdminHtml
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Time(DateTime? utc) => utc is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";

    public static string AntiforgeryField(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(title)} · ChatApp moderation</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family:system-ui;max-width:72rem;margin:1.5rem auto;padding:0 1rem">
            <nav style="display:flex;gap:1rem;align-items:center;border-bottom:1px solid #ccc;padding-bottom:.5rem">
            <strong>ChatApp moderation</strong>
            <a href="{ModerationRoutes.AdminPages}/reports">Queue</a>
            <a href="{ModerationRoutes.AdminPages}/audit">Audit log</a>
            <a href="/hangfire">Jobs</a>
            </nav>
            <h1 style="font-size:1.4rem">{E(title)}</h1>
            {body}
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    public static string Options(IEnumerable<string> values, string? selected, string emptyLabel) =>
        $"<option value=\"\">{E(emptyLabel)}</option>" + string.Concat(values.Select(v =>
            $"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(v)}</option>"));
}
