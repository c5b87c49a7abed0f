using System.ComponentModel;

namespace ChatApp.UnitTests.Caching;

/// <summary>A cached value: sealed and immutable, so the cache shares one instance instead of copying it per read.</summary>
[ImmutableObject(true)]
public sealed record Named(string Name);
