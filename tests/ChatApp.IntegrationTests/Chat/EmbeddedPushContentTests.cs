using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>The cases of <see cref="PushContentTestCases{TFactory}"/> on the embedded default (SQLite, no Redis).</summary>
public sealed class EmbeddedPushContentTests(EmbeddedChatAppFactory factory) : PushContentTestCases<EmbeddedChatAppFactory>(factory);
