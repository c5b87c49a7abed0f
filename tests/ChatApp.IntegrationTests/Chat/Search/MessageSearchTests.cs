using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat.Search;

/// <summary>The cases of <see cref="MessageSearchTestCases{TFactory}"/> on MariaDB (blocks with Bloom filters).</summary>
public sealed class MessageSearchTests(ChatAppFactory factory) : MessageSearchTestCases<ChatAppFactory>(factory);
