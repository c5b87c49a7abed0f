using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ChatApp.Host.Http;

/// <summary>
/// Per-route request body limits instead of Kestrel's 30 MB for everything (ADR 16): an endpoint's own limit
/// (<see cref="ChatApp.BuildingBlocks.Web.BodyLimitExtensions"/>) or the default, <c>RequestLimits:JsonBytes</c>
/// (64 KiB), or <c>RequestLimits:AnonymousBytes</c> (16 KiB) for routes that take requests without credentials.
/// A declared length over the limit is refused before anything is read; a chunked body is cut off at the limit.
/// Either way the answer is 413 with the code <c>request.too_large</c>.
/// </summary>
internal static class RequestBodyLimits
{
    public const string TooLargeCode = "request.too_large";

    /// <summary>A 413 written by the framework (a chunked body cut off while a handler read it) gets the code too.</summary>
    public static void AddRequestBodyLimits(this IServiceCollection services) =>
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
                {
                    context.ProblemDetails.Extensions.TryAdd("code", TooLargeCode);
                }
            };
        });

    public static void UseRequestBodyLimits(this WebApplication app)
    {
        var json = app.Configuration.GetValue("RequestLimits:JsonBytes", 64L * 1024);
        var anonymous = app.Configuration.GetValue("RequestLimits:AnonymousBytes", 16L * 1024);
        app.Use(async (context, next) =>
        {
            if (LimitFor(context.GetEndpoint(), json, anonymous) is not { } limit)
            {
                await next(context);
                return;
            }

            if (context.Request.ContentLength > limit)
            {
                await WriteTooLargeAsync(context, limit);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await WriteTooLargeAsync(context, limit);
            }
        });
    }

    /// <summary>The limit the host enforces on this endpoint; null when the endpoint enforces its own (or there is no endpoint).</summary>
    internal static long? LimitFor(Endpoint? endpoint, long json, long anonymous)
    {
        if (endpoint is null)
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own)
        {
            return own.MaxRequestBodySize;
        }

        var anonymousAllowed = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
        return anonymousAllowed ? anonymous : json;
    }

    private static async Task WriteTooLargeAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The rest of the body is not read: the connection is closed after the answer rather than drained.
        context.Response.Headers.Connection = "close";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Payload Too Large",
                Type = "https://httpstatuses.io/413",
                Detail = string.Create(CultureInfo.InvariantCulture, $"The request body is larger than this route's limit of {limit:N0} bytes."),
                Extensions = { ["code"] = TooLargeCode },
            },
        });
    }
}
