namespace ChatApp.BuildingBlocks.Time;

/// <summary>Creates sortable ids (UUID version 7: time-ordered, so new rows append to indexes instead of splitting them).</summary>
public interface IIdGenerator
{
    Guid NewId();
}

internal sealed class SortableIdGenerator(TimeProvider timeProvider) : IIdGenerator
{
    public Guid NewId() => Guid.CreateVersion7(timeProvider.GetUtcNow());
}
