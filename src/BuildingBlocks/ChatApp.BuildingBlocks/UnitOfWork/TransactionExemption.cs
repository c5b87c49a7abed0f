namespace ChatApp.BuildingBlocks.UnitOfWork;

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
