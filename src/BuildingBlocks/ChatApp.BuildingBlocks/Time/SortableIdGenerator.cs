namespace ChatApp.BuildingBlocks.Time;

internal sealed class SortableIdGenerator(TimeProvider timeProvider) : IIdGenerator
{
    public Guid NewId() => Guid.CreateVersion7(timeProvider.GetUtcNow());
}
