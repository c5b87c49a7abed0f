using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace ChatApp.Modules.Moderation.Features.ModerateReport;

/// <summary>
/// The action form of a report's page (administrators only, antiforgery-checked). Success and refusal both go back to
/// the report's page (303), which says what happened; the refusal's code is shown.
/// </summary>
internal sealed class ModerateReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ModerationRoutes.AdminPages + "/reports/{reportId:guid}/actions", (Delegate)ActAsync)
            .RequireAuthorization(AuthorizationPolicies.Admin).DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ActAsync(
        Guid reportId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Post the action form.");
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
        var action = form["action"].ToString();
        int? hours = int.TryParse(form["durationHours"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var result = await sender.Send(new ModerateReportCommand(user.GetUserId(), reportId, action, form["reason"].ToString(), hours, form["message"].ToString()), cancellationToken);
        var page = $"{ModerationRoutes.AdminPages}/reports/{reportId}";
        var location = result.IsSuccess
            ? page + "?done=" + Uri.EscapeDataString(action)
            : page + "?error=" + Uri.EscapeDataString(result.Error.Code);
        context.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
