namespace ChatApp.BuildingBlocks.UnitOfWork;

/// <summary>
/// Marks one of the few commands that the unit of work treats differently, with the reason. Only the commands named in
/// the architecture tests' list (UnitOfWorkAndSliceTests) may carry it; docs/adr/0012 explains each one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransactionExemptionAttribute(TransactionExemption exemption, string reason) : Attribute
{
    public TransactionExemption Exemption { get; } = exemption;

    public string Reason { get; } = reason;
}
