namespace ChatApp.BuildingBlocks.UnitOfWork;

/// <summary>
/// Marks one of the few commands that the unit of work treats differently, with the reason. Only the commands named in
/// the architecture tests' list (TransactionExemptionTests) may carry it; docs/adr/0012 explains each one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransactionExemptionAttribute(TransactionExemption exemption, string reason) : Attribute
{
    public TransactionExemption Exemption { get; } = exemption;

    public string Reason { get; } = reason;
}

public enum TransactionExemption
{
    /// <summary>
    /// Runs in the unit of work's transaction, which is committed even when the handler returns a failure: what the
    /// failure path wrote (a failed sign-in counted towards lockout, a session revoked) must stay.
    /// </summary>
    CommitOnFailure,

    /// <summary>
    /// Runs without the unit of work's transaction: the handler's writes are its own (the batched message store, work
    /// that must not hold a transaction open). Its queued side effects run when it succeeds.
    /// </summary>
    OwnTransaction,
}
