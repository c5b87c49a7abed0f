using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>The cases of <see cref="PushEventTestCases{TFactory}"/> on the embedded default (SQLite, no Redis).</summary>
public sealed class EmbeddedPushEventTests(EmbeddedChatAppFactory factory) : PushEventTestCases<EmbeddedChatAppFactory>(factory);
