/// <summary>
/// One generated person: id (1..N, joining in that order), the Unix time they joined, their community, their latent
/// trustworthiness on −10..+10 (what ratings they receive from the honest centre on) and whether they are a bad actor.
/// </summary>
internal readonly record struct SyntheticPerson(int Id, long Joined, int Community, double Trustworthiness, bool BadActor);
