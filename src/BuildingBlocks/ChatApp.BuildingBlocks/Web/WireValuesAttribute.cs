namespace ChatApp.BuildingBlocks.Web;

/// <summary>
/// The fixed set of strings a property carries on the wire (kinds, roles, platforms...): the OpenAPI document and the
/// hub's TypeScript contract show it as an enum, so that clients can switch over it. Name only values the server
/// sends or accepts; a new value is a contract change (clients must still tolerate an unknown one).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class WireValuesAttribute(params string[] values) : Attribute
{
    public IReadOnlyList<string> Values { get; } = values;
}
