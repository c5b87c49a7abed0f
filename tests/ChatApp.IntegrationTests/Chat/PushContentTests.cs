using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>The cases of <see cref="PushContentTestCases{TFactory}"/> on MariaDB and Redis.</summary>
public sealed class PushContentTests(ChatAppFactory factory) : PushContentTestCases<ChatAppFactory>(factory);
