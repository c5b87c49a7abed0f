using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Recommendation.Model;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.TrainModel;

/// <summary>The Hangfire recurring job (visible in the dashboard, with its history and failures) that trains the model.</summary>
internal sealed class TrainModelJob(ISender sender)
{
    public const string RecurringJobId = "recommendation:train-model";

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [JobDisplayName("Train the recommendation model")]
    public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new TrainModelCommand(), cancellationToken);
}
