using ChatApp.Modules.Chat.Search;

namespace ChatApp.UnitTests.Chat.Search;

public sealed class SearchBloomTests
{
    private static string RandomTerm(Random random) =>
        new([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => random.NextDouble() < 0.5 ? (char)random.Next('a', 'z' + 1) : (char)random.Next(0xAC00, 0xD7A4))]);

    [Fact]
    public void Every_added_term_is_found_no_false_negatives()
    {
        var random = new Random(1);
        for (var block = 0; block < 200; block++)
        {
            var filter = SearchBloom.New();
            var terms = Enumerable.Range(0, 1000).Select(_ => RandomTerm(random)).ToList();
            foreach (var term in terms)
            {
                SearchBloom.Add(filter, term);
            }

            Assert.All(terms, term => Assert.True(SearchBloom.MayContain(filter, SearchBloom.Hash(term)), term));
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(800)]
    [InlineData(1200)]
    public void The_false_positive_rate_is_near_the_theory(int termsPerBlock)
    {
        var random = new Random(termsPerBlock);
        var filter = SearchBloom.New();
        var added = new HashSet<string>(StringComparer.Ordinal);
        while (added.Count < termsPerBlock)
        {
            var term = RandomTerm(random);
            added.Add(term);
            SearchBloom.Add(filter, term);
        }

        var probes = 0;
        var falsePositives = 0;
        while (probes < 200_000)
        {
            var term = RandomTerm(random);
            if (added.Contains(term))
            {
                continue;
            }

            probes++;
            falsePositives += SearchBloom.MayContain(filter, SearchBloom.Hash(term)) ? 1 : 0;
        }

        var theory = Math.Pow(1 - Math.Exp(-(double)SearchBloom.Hashes * termsPerBlock / SearchBloom.Bits), SearchBloom.Hashes);
        var measured = (double)falsePositives / probes;
        Assert.InRange(measured, theory * 0.6, theory * 1.5);
    }

    [Fact]
    public void The_hash_is_stable_across_processes_and_versions()
    {
        // Stored filters depend on these values: they must never change (string.GetHashCode would, per process).
        Assert.Equal(0x4C961ADEEAF4EBE5UL, SearchBloom.Hash("jose"));
        Assert.Equal(0x8CB41961EE5C3F69UL, SearchBloom.Hash("판교"));
        Assert.NotEqual(SearchBloom.Hash("ab"), SearchBloom.Hash("ba"));
    }

    [Fact]
    public void Or_keeps_both_filters_terms()
    {
        var one = SearchBloom.New();
        var other = SearchBloom.New();
        SearchBloom.Add(one, "pizza");
        SearchBloom.Add(other, "회의");

        SearchBloom.Or(one, other);

        Assert.True(SearchBloom.MayContainAll(one, [SearchBloom.Hash("pizza"), SearchBloom.Hash("회의")]));
        Assert.False(SearchBloom.MayContain(other, SearchBloom.Hash("pizza")));
    }
}
