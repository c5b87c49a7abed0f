namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>Base of tests that share one host per class: the data is reset before each test.</summary>
public abstract class IntegrationTest<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : ChatAppFactory
{
    protected TFactory Factory { get; } = factory;

    protected AccountsApi Api { get; } = new(factory);

    protected ChatApi Chat => new(Api);

    protected MediaApi Media => new(Api, Factory);

    public virtual Task InitializeAsync() => Factory.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

public abstract class IntegrationTest(ChatAppFactory factory) : IntegrationTest<ChatAppFactory>(factory);
