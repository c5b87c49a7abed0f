using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>The cases of <see cref="PushEventTestCases{TFactory}"/> on MariaDB and Redis.</summary>
public sealed class PushEventTests(ChatAppFactory factory) : PushEventTestCases<ChatAppFactory>(factory);
