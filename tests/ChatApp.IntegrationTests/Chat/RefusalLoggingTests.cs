using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>
/// A host whose logs the test reads (with the host's own filters from appsettings.json), where a user may send 3
/// messages an hour, and where looking up the attachment <see cref="FailingAttachment"/> throws: an unexpected failure.
/// </summary>
public sealed class LogCapturingFactory : ChatAppFactory
{
    public static readonly Guid FailingAttachment = Guid.Parse("0196a000-0000-7000-8000-00000000dead");

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Chat:SendRateLimit:Burst", "3");
        builder.UseSetting("Chat:SendRateLimit:Period", "01:00:00");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        var catalog = services.Single(d => d.ServiceType == typeof(IMediaCatalog));
        services.Replace(ServiceDescriptor.Scoped<IMediaCatalog>(provider =>
            new FailingMediaCatalog((IMediaCatalog)ActivatorUtilities.CreateInstance(provider, catalog.ImplementationType!))));
    }

    private sealed class FailingMediaCatalog(IMediaCatalog inner) : IMediaCatalog
    {
        public Task<IReadOnlyDictionary<Guid, MediaImageInfo>> GetImagesAsync(IReadOnlyCollection<Guid> mediaIds, CancellationToken cancellationToken) =>
            mediaIds.Contains(FailingAttachment)
                ? throw new InvalidOperationException("The media catalog failed (a test's unexpected failure).")
                : inner.GetImagesAsync(mediaIds, cancellationToken);
    }
}

/// <summary>
/// Expected refusals (not a member, invalid input, unbindable hub arguments, unreadable JSON, over the rate limit) are answers, not faults: under load they come
/// by the thousand, so none of them may log a warning or an error, over the hub or over REST. Unexpected failures
/// still log an error.
/// </summary>
public sealed class RefusalLoggingTests(LogCapturingFactory factory) : IntegrationTest<LogCapturingFactory>(factory)
{
    private const int Refusals = 20;

    [Fact]
    public async Task Many_expected_refusals_over_the_hub_and_rest_log_no_warning_or_error()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var stranger = await Api.NewUserAsync("Stranger");
        await using var annPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        await using var strangerPhone = await HubClient.ConnectAsync(Factory, stranger.Tokens.AccessToken);
        for (var i = 0; i < 3; i++)
        {
            await annPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, $"ok{i}", $"fine {i}", (Guid?)null); // the 3 allowed
        }

        var mark = Factory.Logs.Mark();
        var codes = new List<string>();
        for (var i = 0; i < Refusals; i++)
        {
            codes.Add(await HubRefusalAsync(strangerPhone, "SendMessage", room.Id, $"s{i}", "let me in", (Guid?)null));
            codes.Add(await HubRefusalAsync(strangerPhone, "Typing", room.Id));
            codes.Add(await HubRefusalAsync(strangerPhone, "MarkRead", room.Id, 1L));
            codes.Add(await HubRefusalAsync(annPhone, "SendMessage", room.Id, $"n{i}", "nul\0", (Guid?)null));
            codes.Add(await HubRefusalAsync(annPhone, "SendMessage", room.Id, $"e{i}", "", (Guid?)null));
            codes.Add(await HubRefusalAsync(annPhone, "SendMessageWithAttachments", room.Id, $"a{i}", "", (Guid?)null, new[] { Guid.NewGuid() }));
            codes.Add(await HubRefusalAsync(annPhone, "SendMessage", room.Id, $"r{i}", "one too many", (Guid?)null));
            await Assert.ThrowsAsync<HubException>(() => annPhone.Connection.InvokeAsync<MessageDto>("SendMessage", "not a room id", $"b{i}", "x", (Guid?)null)); // unbindable
            codes.Add((await Problem.ReadAsync(await Chat.PostMessageAsync(stranger, room.Id, "rest, not a member"))).Code!);
            codes.Add((await Problem.ReadAsync(await Chat.PostMessageAsync(bob, room.Id, "rest\0"))).Code!);
            codes.Add((await Problem.ReadAsync(await Api.As(bob).PostAsync($"/api/v1/chat/rooms/{room.Id}/messages",
                new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json")))).Code!);
            codes.Add((await Problem.ReadAsync(await Chat.PostMessageAsync(ann, room.Id, "rest, over the limit"))).Code!);
            codes.Add((await Problem.ReadAsync(await Api.As(stranger).PostAsJsonAsync("/api/v1/chat/rooms", new { name = "\u202Eroom", memberIds = Array.Empty<Guid>() }))).Code!);
        }

        Factory.Services.GetRequiredService<RefusalSummary>().Flush(); // what would be logged at the end of the period

        Assert.Equal(
            ["bad_request", "chat.invalid_attachment", "chat.rate_limited", "chat.room_not_found", "text.bidi_controls", "text.control_characters", "validation_failed"],
            codes.Distinct().Order());
        var loud = Factory.Logs.Since(mark, LogLevel.Warning);
        Assert.True(loud.Count == 0, "Expected refusals logged warnings or errors:\n" + string.Join("\n", loud.Take(10)));
        // Counted, not a line each: one summary line per 10 s (the loop may straddle a period on a busy machine).
        var summaries = Factory.Logs.Since(mark, LogLevel.Information)
            .Where(l => l.Message.EndsWith("SendMessageCommand refused with chat.rate_limited in the last 10 s", StringComparison.Ordinal))
            .ToList();
        Assert.InRange(summaries.Count, 1, 3);
        Assert.All(summaries, l => Assert.Equal(LogLevel.Information, l.Level));
        Assert.Equal(Refusals * 2, summaries.Sum(l => int.Parse(l.Message[..l.Message.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, (await Chat.HistoryAsync(bob, room.Id)).Messages.Count);
    }

    [Fact]
    public async Task An_unexpected_failure_over_the_hub_or_rest_logs_an_error()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        await using var phone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var mark = Factory.Logs.Mark();

        var hub = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<MessageDto>(
            "SendMessageWithAttachments", room.Id, "h1", "", (Guid?)null, new[] { LogCapturingFactory.FailingAttachment }));
        var hubErrors = Factory.Logs.Since(mark, LogLevel.Error);
        mark = Factory.Logs.Mark();
        var rest = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages",
            new { clientMessageId = "r1", text = "", attachments = new[] { LogCapturingFactory.FailingAttachment } });
        var restErrors = Factory.Logs.Since(mark, LogLevel.Error);

        Assert.DoesNotContain("media catalog", hub.Message, StringComparison.Ordinal); // nothing internal reaches the client
        Assert.Contains("HubException: internal_error: ", hub.Message, StringComparison.Ordinal); // the documented form, with a code
        Assert.Equal(HttpStatusCode.InternalServerError, rest.StatusCode);
        Assert.Contains(hubErrors, l => l.Exception is InvalidOperationException { Message: var m } && m.Contains("media catalog", StringComparison.Ordinal));
        Assert.Contains(restErrors, l => l.Exception is InvalidOperationException { Message: var m } && m.Contains("media catalog", StringComparison.Ordinal));
    }

    private static async Task<string> HubRefusalAsync(HubClient phone, string method, params object?[] args)
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeCoreAsync<object?>(method, args));
        var message = refusal.Message;
        var start = message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length;
        return message[start..message.IndexOf(':', start)];
    }
}
