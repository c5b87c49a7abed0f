using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ChatApp.Modules.Accounts.Features.AdminSignIn;

/// <summary>
/// A plain HTML sign-in form for administrators. On success it sets the admin cookie and returns to the page that asked
/// (the Hangfire dashboard by default). The form is protected by an antiforgery token.
/// </summary>
internal sealed class AdminSignInEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(AccountsRoutes.AdminSignIn, (Delegate)ShowForm).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(AccountsRoutes.AdminSignIn, (Delegate)SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.Login, RateLimitAccount.Email("email"));
    }

    private static IResult ShowForm(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Page(context, antiforgery, returnUrl, error: null, StatusCodes.Status200OK);

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, ISender sender, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Post the sign-in form.");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The form expired; reload the page and try again.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = form["returnUrl"].ToString();
        var result = await sender.Send(new AdminSignInCommand(form["email"].ToString(), form["password"].ToString()), cancellationToken);
        if (!result.IsSuccess)
        {
            return Page(context, antiforgery, returnUrl, result.Error.Message, result.Error.Type == BuildingBlocks.Results.ErrorType.TooManyRequests
                ? StatusCodes.Status429TooManyRequests
                : StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(AdminCookie.Scheme, result.Value);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/hangfire");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var message = error is null ? "" : $"<p role=\"alert\" style=\"color:#b00020\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ChatApp admin sign-in</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family:system-ui;max-width:24rem;margin:4rem auto">
            <h1>ChatApp admin</h1>{message}
            <form method="post" action="{AccountsRoutes.AdminSignIn}">
            <input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(IsLocal(returnUrl) ? returnUrl : "/hangfire")}">
            <p><label>E-mail<br><input name="email" type="email" autocomplete="username" required></label></p>
            <p><label>Password<br><input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Sign in</button></p>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
