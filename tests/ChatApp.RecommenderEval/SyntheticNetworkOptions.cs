/// <summary>
/// What <see cref="SyntheticNetwork"/> generates: <see cref="People"/> people and exactly <see cref="Ratings"/> ratings
/// (at most one per rater and ratee) on −10..+10, in <see cref="Communities"/> communities, with a share
/// <see cref="BadActorShare"/> of bad actors; the same options and <see cref="Seed"/> give the same network.
/// </summary>
internal sealed record SyntheticNetworkOptions(int People, int Ratings, int Seed = 1, int Communities = 8, double BadActorShare = 0.05)
{
    /// <summary>A one-line reason when the options cannot give a network, else null.</summary>
    public string? Problem() =>
        People < 2 ? "--people must be at least 2"
        : Ratings < 1 ? "--ratings must be at least 1"
        : Ratings > (long)People * (People - 1) / 10 ? "--ratings must be at most a tenth of people × (people − 1) (at most one rating per rater and ratee)"
        : Communities < 1 || Communities > People ? "--communities must lie between 1 and --people"
        : !(BadActorShare >= 0 && BadActorShare < 1) ? "--bad-actors must lie in [0, 1)"
        : null;
}
