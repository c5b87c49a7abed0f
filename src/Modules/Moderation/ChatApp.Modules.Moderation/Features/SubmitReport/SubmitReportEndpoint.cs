using System.Security.Claims;
using ChatApp.Modules.Moderation.Reports;

namespace ChatApp.Modules.Moderation.Features.SubmitReport;

internal sealed class SubmitReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ModerationRoutes.Reports, HandleAsync)
            .WithName("SubmitReport")
            .WithTags("Moderation")
            .WithSummary("Report a message, a person or a room to the moderators (one open report per target)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                ["validation_failed", ModerationErrors.InvalidTargetTypeCode, ModerationErrors.InvalidReasonCode, ModerationErrors.CannotReportSelf.Code, .. TextValidationRules.SafeTextCodes])
            .ProducesErrors(StatusCodes.Status404NotFound, ModerationErrors.TargetNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ModerationErrors.AlreadyReported.Code);

    private static async Task<Results<Created<ReportResponse>, ProblemHttpResult>> HandleAsync(
        SubmitReportRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SubmitReportCommand(user.GetUserId(), request.TargetType ?? "", request.TargetId, request.Reason ?? "", request.Note), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{ModerationRoutes.Reports}/mine", result.Value)
            : result.Error.ToProblem();
    }
}
