namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// The Bloom filter of a <see cref="Domain.MessageSearchBlock"/>: <see cref="Bits"/> bits, each term setting
/// <see cref="Hashes"/> of them, chosen by double hashing (h1 + i·h2) of one stable 64-bit hash of the term's UTF-16
/// units (FNV-1a, then a 64-bit finalizer to spread its bits). Stable across processes and versions on purpose: the
/// filters are stored (never <c>string.GetHashCode</c>, which is randomized per process). Changing any constant here
/// changes every stored filter's meaning: it needs a migration that rebuilds them.
/// <para>At n distinct terms in a block the false-positive rate is about (1 − e^(−k·n/m))^k: with m = 8192, k = 4 and
/// n = 800 (32 chat messages of a dozen words, every word's prefixes) about 1.1%.</para>
/// </summary>
internal static class SearchBloom
{
    public const int Bits = 8192;
    public const int Bytes = Bits / 8;
    public const int Hashes = 4;

    /// <summary>An empty filter.</summary>
    public static byte[] New() => new byte[Bytes];

    /// <summary>The stable 64-bit hash of a term.</summary>
    public static ulong Hash(string term)
    {
        var hash = 14695981039346656037UL;
        foreach (var unit in term)
        {
            hash = (hash ^ (byte)unit) * 1099511628211UL;
            hash = (hash ^ (byte)(unit >> 8)) * 1099511628211UL;
        }

        // The finalizer of MurmurHash3 (fmix64): every output bit depends on every input bit.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    public static void Add(byte[] filter, ulong hash)
    {
        var (h1, h2) = Split(hash);
        for (uint i = 0; i < Hashes; i++)
        {
            var bit = (h1 + (i * h2)) % Bits;
            filter[bit >> 3] |= (byte)(1 << (int)(bit & 7));
        }
    }

    public static void Add(byte[] filter, string term) => Add(filter, Hash(term));

    /// <summary>False when the term is certainly not in the filter; true when it probably is.</summary>
    public static bool MayContain(byte[] filter, ulong hash)
    {
        var (h1, h2) = Split(hash);
        for (uint i = 0; i < Hashes; i++)
        {
            var bit = (h1 + (i * h2)) % Bits;
            if ((filter[bit >> 3] & (1 << (int)(bit & 7))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every one of the hashes may be in the filter.</summary>
    public static bool MayContainAll(byte[] filter, IReadOnlyList<ulong> hashes)
    {
        foreach (var hash in hashes)
        {
            if (!MayContain(filter, hash))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sets every bit of <paramref name="from"/> in <paramref name="into"/>.</summary>
    public static void Or(byte[] into, byte[] from)
    {
        for (var i = 0; i < Bytes; i++)
        {
            into[i] |= from[i];
        }
    }

    /// <summary>A filter as read back: the stored bytes, padded with zero bytes should the column ever hold fewer than <see cref="Bytes"/>.</summary>
    public static byte[] Normalize(byte[]? stored)
    {
        if (stored is { Length: Bytes })
        {
            return stored;
        }

        var filter = New();
        stored?.AsSpan(0, Math.Min(stored.Length, Bytes)).CopyTo(filter);
        return filter;
    }

    private static (uint H1, uint H2) Split(ulong hash) => ((uint)hash, (uint)(hash >> 32) | 1);
}
