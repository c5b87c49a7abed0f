using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>All stored DateTimes are UTC; this gives them back with <see cref="DateTimeKind.Utc"/> whatever the provider returns.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
