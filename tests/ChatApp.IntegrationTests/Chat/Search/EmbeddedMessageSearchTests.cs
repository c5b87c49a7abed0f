using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat.Search;

/// <summary>The cases of <see cref="MessageSearchTestCases{TFactory}"/> on the embedded default (SQLite, no Redis).</summary>
public sealed class EmbeddedMessageSearchTests(EmbeddedChatAppFactory factory) : MessageSearchTestCases<EmbeddedChatAppFactory>(factory);
