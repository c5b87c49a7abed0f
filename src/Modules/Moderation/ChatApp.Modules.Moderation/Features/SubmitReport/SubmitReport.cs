using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Moderation.Reports;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Moderation.Features.SubmitReport;

internal sealed record SubmitReportRequest(
    [property: WireValues(ReportTargetTypes.Message, ReportTargetTypes.User, ReportTargetTypes.Room)] string? TargetType,
    Guid TargetId,
    [property: WireValues(ReportReasons.Spam, ReportReasons.Harassment, ReportReasons.Sexual, ReportReasons.Violence, ReportReasons.SelfHarm, ReportReasons.Other)] string? Reason, string? Note);

internal sealed record SubmitReportCommand(Guid ReporterId, string TargetType, Guid TargetId, string Reason, string? Note) : ICommand<Result<ReportResponse>>;

internal sealed class SubmitReportValidator : AbstractValidator<SubmitReportCommand>
{
    public SubmitReportValidator()
    {
        RuleFor(c => c.TargetType).Must(t => ReportTargetTypes.All.Contains(t))
            .WithErrorCode(ModerationErrors.InvalidTargetTypeCode).WithMessage("targetType is one of message, user, room.");
        RuleFor(c => c.TargetId).NotEmpty();
        RuleFor(c => c.Reason).Must(r => ReportReasons.All.Contains(r))
            .WithErrorCode(ModerationErrors.InvalidReasonCode).WithMessage("reason is one of spam, harassment, sexual, violence, self_harm, other.");
        RuleFor(c => c.Note!).SafeText(Report.NoteMaxLength, required: false).When(c => c.Note is not null);
    }
}

/// <summary>
/// Files a report. A message can be reported only by a member of its room, and is snapshotted now (text, pictures,
/// times) so that an edit or delete later erases no evidence; a person must exist; a room must be one of the reporter's.
/// One open report per reporter and target (409 <c>moderation.already_reported</c>). When enough different people have
/// reported one person within the configured window, that person is hidden for review, after the commit. A snapshot
/// with pictures tells Media to keep them (<see cref="ReportEvidenceHeldIntegrationEvent"/>, in the same transaction).
/// </summary>
internal sealed class SubmitReportHandler(
    ModerationDbContext db,
    IMessageEvidence messages,
    IRoomMembership rooms,
    IUserDirectory users,
    IAccountSanctions sanctions,
    AfterCommit afterCommit,
    IOptions<ModerationOptions> options,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<SubmitReportCommand, Result<ReportResponse>>
{
    public async ValueTask<Result<ReportResponse>> Handle(SubmitReportCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var report = new Report
        {
            Id = ids.NewId(),
            ReporterId = command.ReporterId,
            TargetType = command.TargetType,
            TargetId = command.TargetId,
            Reason = command.Reason,
            Note = string.IsNullOrWhiteSpace(command.Note) ? null : UserText.Normalize(command.Note, UserTextKind.Text),
            CreatedAt = now,
            OpenKey = Report.KeyFor(command.ReporterId, command.TargetType, command.TargetId),
        };

        var target = await DescribeTargetAsync(command, report, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        if (await db.Reports.AnyAsync(r => r.OpenKey == report.OpenKey, cancellationToken))
        {
            return ModerationErrors.AlreadyReported;
        }

        db.Reports.Add(report);
        if (report.EvidenceAttachmentIds is { Count: > 0 } pictures)
        {
            // Media keeps the pictures while the report needs them, even if the message is deleted meanwhile.
            db.AddIntegrationEvent(new ReportEvidenceHeldIntegrationEvent(ids.NewId(), now, report.Id, pictures));
        }

        if (report.TargetUserId is { } person && await ReachesThresholdAsync(person, command.ReporterId, now, cancellationToken))
        {
            afterCommit.Run(ct => sanctions.HideForReviewAsync(person, ct));
        }

        return ReportResponse.From(report);
    }

    private async Task<Result> DescribeTargetAsync(SubmitReportCommand command, Report report, CancellationToken cancellationToken)
    {
        switch (command.TargetType)
        {
            case ReportTargetTypes.Message:
                var message = await messages.FindForReporterAsync(command.ReporterId, command.TargetId, cancellationToken);
                if (message is null || message.DeletedAt is not null)
                {
                    return ModerationErrors.TargetNotFound;
                }

                if (message.SenderId == command.ReporterId)
                {
                    return ModerationErrors.CannotReportSelf;
                }

                report.TargetUserId = message.SenderId;
                report.EvidenceRoomId = message.RoomId;
                report.EvidenceSeq = message.Seq;
                report.EvidenceText = message.Text;
                report.EvidenceAttachments = message.AttachmentIds.Count == 0 ? null : string.Join(',', message.AttachmentIds.Select(id => id.ToString("N")));
                report.EvidenceSentAt = message.CreatedAt;
                report.EvidenceEditedAt = message.EditedAt;
                return Result.Success();
            case ReportTargetTypes.User:
                if (command.TargetId == command.ReporterId)
                {
                    return ModerationErrors.CannotReportSelf;
                }

                if (!(await users.GetUsersAsync([command.TargetId], cancellationToken)).ContainsKey(command.TargetId))
                {
                    return ModerationErrors.TargetNotFound;
                }

                report.TargetUserId = command.TargetId;
                return Result.Success();
            default:
                return await rooms.IsMemberAsync(command.ReporterId, command.TargetId, cancellationToken)
                    ? Result.Success()
                    : ModerationErrors.TargetNotFound;
        }
    }

    /// <summary>Whether, with this report, enough different people reported the person within the window.</summary>
    private async Task<bool> ReachesThresholdAsync(Guid person, Guid reporterId, DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var since = now - settings.AutoHideWindow;
        var reporters = await db.Reports.AsNoTracking()
            .Where(r => r.TargetUserId == person && r.CreatedAt >= since)
            .Select(r => r.ReporterId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return reporters.Append(reporterId).Distinct().Count() >= settings.AutoHideReporters;
    }
}
