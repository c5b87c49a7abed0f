using System.Text;

namespace ChatApp.SearchBenchmark;

/// <summary>
/// Deterministic chat text (the same seed gives the same words and messages): Korean nouns (real ones and made-up
/// syllable pairs and triples) that take particles without a space, as Korean is written, English words (some with
/// accents, some capitalised), picked with a Zipf distribution over the vocabulary as words are in real text.
/// </summary>
internal sealed class Corpus
{
    private static readonly string[] RealKorean =
    [
        "판교역", "회의", "점심", "내일", "주말", "서울", "부산", "커피", "영화", "회사", "프로젝트", "일정", "사진", "생일", "선물", "학교", "여행",
        "운동", "병원", "지하철", "버스", "택시", "식당", "메뉴", "가격", "예약", "주소", "전화", "메일", "보고서", "발표", "고객", "계약", "휴가",
        "저녁", "아침", "강남역", "홍대", "제주도", "비행기", "호텔", "날씨", "우산", "친구", "가족", "엄마", "아빠", "동생", "선배", "후배", "팀장님",
    ];

    private static readonly string[] RealEnglish =
    [
        "meeting", "lunch", "tomorrow", "weekend", "coffee", "movie", "project", "schedule", "photo", "birthday", "present", "school", "travel",
        "gym", "hospital", "subway", "dinner", "menu", "price", "booking", "address", "deadline", "report", "client", "contract", "holiday",
        "café", "José", "résumé", "naïve", "Zürich", "München", "hello", "thanks", "sorry", "maybe", "tonight", "office", "budget", "release",
    ];

    private static readonly string[] Particles = ["에서", "에", "은", "는", "이", "가", "을", "를", "도", "로", "으로", "와", "과", "랑", "까지", "부터", "의", "에게"];

    private static readonly string[] Endings = ["만나요", "했어요", "갈게요", "좋아요", "봐요", "있어요", "없어요", "할까요", "알겠습니다", "감사합니다", "ㅋㅋㅋ", "ㅎㅎ", "네", "진짜?"];

    private readonly string[] _words;
    private readonly double[] _cumulative;

    public Corpus(int koreanWords = 2500, int englishWords = 1000, int seed = 19)
    {
        var random = new Random(seed);
        var korean = new HashSet<string>(RealKorean, StringComparer.Ordinal);
        while (korean.Count < koreanWords)
        {
            korean.Add(Syllables(random, random.Next(2, 4)));
        }

        var english = new HashSet<string>(RealEnglish, StringComparer.Ordinal);
        while (english.Count < englishWords)
        {
            english.Add(Latin(random, random.Next(3, 9)));
        }

        _words = [.. korean.Concat(english).OrderBy(w => w, StringComparer.Ordinal)];
        random.Shuffle(_words);
        _cumulative = new double[_words.Length];
        var sum = 0.0;
        for (var rank = 0; rank < _words.Length; rank++)
        {
            sum += 1.0 / (rank + 1);
            _cumulative[rank] = sum;
        }
    }

    /// <summary>The vocabulary in rank order (index 0 is the most frequent word).</summary>
    public IReadOnlyList<string> Words => _words;

    public static bool IsKorean(string word) => word[0] is >= '\uAC00' and <= '\uD7A3';

    public string Message(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(3, 13);
        for (var i = 0; i < count; i++)
        {
            var word = Pick(random);
            if (IsKorean(word) && random.NextDouble() < 0.6)
            {
                word += Particles[random.Next(Particles.Length)];
            }
            else if (!IsKorean(word) && random.NextDouble() < 0.2)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }

            text.Append(i == 0 ? "" : " ").Append(word);
        }

        if (random.NextDouble() < 0.4)
        {
            text.Append(' ').Append(Endings[random.Next(Endings.Length)]);
        }

        return text.ToString();
    }

    public string Particle(Random random) => Particles[random.Next(Particles.Length)];

    private string Pick(Random random)
    {
        var at = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return _words[Math.Min(at < 0 ? ~at : at, _words.Length - 1)];
    }

    private static string Syllables(Random random, int count)
    {
        var word = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            var initial = random.Next(19);
            var medial = random.Next(21);
            var final = random.NextDouble() < 0.6 ? 0 : random.Next(1, 28);
            word.Append((char)(0xAC00 + (((initial * 21) + medial) * 28) + final));
        }

        return word.ToString();
    }

    private static string Latin(Random random, int length)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzaeiouaeiou";
        var word = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            word.Append(random.NextDouble() < 0.02 ? 'é' : letters[random.Next(letters.Length)]);
        }

        return word.ToString();
    }
}
