using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;

namespace ChatApp.Modules.Moderation.Features.ModerateReport;

/// <param name="DurationHours">How long a suspension lasts; only for <see cref="ModerationActions.Suspend"/>.</param>
/// <param name="MessageToPerson">What the admin tells the person acted on (their notice shows it); the audit reason stays the moderators'.</param>
internal sealed record ModerateReportCommand(Guid AdminId, Guid ReportId, string Action, string Reason, int? DurationHours, string? MessageToPerson = null)
    : ICommand<Result>;

internal sealed class ModerateReportValidator : AbstractValidator<ModerateReportCommand>
{
    public const int MaxSuspensionHours = 24 * 365;

    public ModerateReportValidator()
    {
        RuleFor(c => c.Action).Must(a => ModerationActions.All.Contains(a))
            .WithErrorCode(ModerationErrors.InvalidActionCode).WithMessage("action is one of dismiss, delete_message, warn, suspend, ban, lift.");
        RuleFor(c => c.Reason).SafeText(AuditEntry.ReasonMaxLength);
        RuleFor(c => c.DurationHours).Must(hours => hours is >= 1 and <= MaxSuspensionHours)
            .WithErrorCode(ModerationErrors.InvalidDurationCode).WithMessage($"A suspension lasts 1 to {MaxSuspensionHours} hours.")
            .When(c => c.Action == ModerationActions.Suspend);
        RuleFor(c => c.MessageToPerson!).SafeText(Notice.MessageMaxLength, required: false).When(c => c.MessageToPerson is not null);
    }
}

/// <summary>
/// A moderator acts on a report. The sanction itself is Accounts' (<see cref="IAccountSanctions"/>) or Chat's
/// (<see cref="IMessageModeration"/>) and commits in that module first; then, in this transaction, the report is
/// closed with the action as its outcome (what its reporter sees) and the audit log records the admin, the action and
/// the reason. A suspension or ban closes every other open report about the same person too. Dismissing or warning ends
/// a hiding for review (the person was reviewed); lifting clears ban, suspension and hiding and leaves the report as it is.
/// In the same transaction the person gets a notice (<see cref="NoticeKinds.ForAction"/>: not for a dismissal), and
/// every report this action closes gets one notice for its reporter saying only "action taken" or "no violation found";
/// <see cref="ModerationNoticesIssuedIntegrationEvent"/> (outbox, same transaction) lets Chat ring their apps.
/// </summary>
internal sealed class ModerateReportHandler(
    ModerationDbContext db,
    IAccountSanctions sanctions,
    IMessageModeration messages,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<ModerateReportCommand, Result>
{
    public async ValueTask<Result> Handle(ModerateReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken);
        if (report is null)
        {
            return ModerationErrors.ReportNotFound;
        }

        if (report.Status != ReportStatuses.Open && report.Outcome == command.Action && command.Action != ModerationActions.Lift)
        {
            // The same decision again (a double submit, or the loser of two moderators' identical clicks run again): it
            // was made, told and logged once; nothing more happens.
            return Result.Success();
        }

        var now = timeProvider.GetUtcNowForStorage();
        DateTime? until = command.Action == ModerationActions.Suspend ? now.AddHours(command.DurationHours!.Value) : null;
        var applied = await ApplyAsync(command.Action, report, until, cancellationToken);
        if (!applied.IsSuccess)
        {
            return applied;
        }

        var closed = new List<Report>();
        if (command.Action != ModerationActions.Lift)
        {
            if (report.Status == ReportStatuses.Open)
            {
                closed.Add(report);
            }

            if (command.Action is ModerationActions.Suspend or ModerationActions.Ban)
            {
                closed.AddRange(await db.Reports
                    .Where(r => r.TargetUserId == report.TargetUserId && r.Status == ReportStatuses.Open && r.Id != report.Id)
                    .ToListAsync(cancellationToken));
            }

            closed.ForEach(r => r.Resolve(command.Action, now));
        }

        var personMessage = string.IsNullOrWhiteSpace(command.MessageToPerson) ? null : UserText.Normalize(command.MessageToPerson, UserTextKind.Text);
        // An account deleted meanwhile gets no notice: nothing would ever read it, and its erasure has already forgotten its notices.
        var personExists = report.TargetUserId is { } target && await sanctions.GetStandingAsync(target, cancellationToken) is not null;
        Notify(command.Action, report, closed, personMessage, until, now, personExists);

        db.AuditLog.Add(new AuditEntry
        {
            Id = ids.NewId(),
            At = now,
            AdminId = command.AdminId,
            Action = command.Action,
            ReportId = report.Id,
            TargetUserId = report.TargetUserId,
            MessageId = report.TargetType == ReportTargetTypes.Message ? report.TargetId : null,
            Reason = UserText.Normalize(command.Reason, UserTextKind.Text),
            PersonMessage = personMessage,
            Until = until,
        });
        return Result.Success();
    }

    private void Notify(string action, Report report, List<Report> closed, string? personMessage, DateTime? until, DateTime now, bool personExists)
    {
        var notices = new List<Notice>();
        if (personExists && report.TargetUserId is { } person && NoticeKinds.ForAction(action) is { } kind)
        {
            notices.Add(new Notice
            {
                Id = ids.NewId(),
                UserId = person,
                At = now,
                Kind = kind,
                Category = action == ModerationActions.Lift ? null : report.Reason,
                Message = personMessage,
                Until = until,
            });
        }

        notices.AddRange(closed.Select(r => new Notice
        {
            Id = ids.NewId(),
            UserId = r.ReporterId,
            At = now,
            Kind = NoticeKinds.ReportOutcome,
            Category = r.Reason,
            ReportId = r.Id,
            Outcome = action == ModerationActions.Dismiss ? NoticeKinds.NoViolation : NoticeKinds.ActionTaken,
        }));
        if (notices.Count == 0)
        {
            return;
        }

        db.Notices.AddRange(notices);
        db.AddIntegrationEvent(new ModerationNoticesIssuedIntegrationEvent(ids.NewId(), now, notices.Select(n => new IssuedNotice(n.UserId, n.Id, n.Kind)).ToList()));
    }

    private async Task<Result> ApplyAsync(string action, Report report, DateTime? until, CancellationToken cancellationToken)
    {
        if (action == ModerationActions.Dismiss)
        {
            if (report.TargetUserId is { } reviewed)
            {
                // Nothing wrong found: the person is no longer hidden for review (an account deleted meanwhile has nothing to end).
                await sanctions.EndReviewAsync(reviewed, cancellationToken);
            }

            return Result.Success();
        }

        if (action == ModerationActions.DeleteMessage)
        {
            return report.TargetType == ReportTargetTypes.Message
                ? await messages.DeleteAsync(report.TargetId, cancellationToken)
                : ModerationErrors.NotAMessage;
        }

        if (report.TargetUserId is not { } person)
        {
            return ModerationErrors.NoPerson;
        }

        return action switch
        {
            ModerationActions.Warn => await sanctions.EndReviewAsync(person, cancellationToken),
            ModerationActions.Suspend => await sanctions.SuspendAsync(person, until!.Value, cancellationToken),
            ModerationActions.Ban => await sanctions.BanAsync(person, cancellationToken),
            _ => await sanctions.LiftAsync(person, cancellationToken),
        };
    }
}
