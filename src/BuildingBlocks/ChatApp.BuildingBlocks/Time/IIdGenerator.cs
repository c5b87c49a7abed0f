namespace ChatApp.BuildingBlocks.Time;

/// <summary>Creates sortable ids (UUID version 7: time-ordered, so new rows append to indexes instead of splitting them).</summary>
public interface IIdGenerator
{
    Guid NewId();
}
