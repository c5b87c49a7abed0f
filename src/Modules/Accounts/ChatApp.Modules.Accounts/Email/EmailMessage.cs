namespace ChatApp.Modules.Accounts.Email;

/// <summary>One account mail: a plain-text body and the same in simple HTML.</summary>
internal sealed record EmailMessage(string To, string Subject, string Text, string Html);
