namespace CaseRecord.Tests.Support;

/// <summary>Small articles made at random for the tests that edit a record step by step.</summary>
public static class GeneratedArticles
{
    /// <summary>A site with the two speakers and two bodies the articles name, and the repository's theme.</summary>
    public static TestSite Site() => new TestSite()
        .Speaker("alex-morgan", "Alex Morgan", "organisation: riverside-council\n")
        .Speaker("sam-jones", "Sam Jones")
        // Only ever mentioned, never quoted: a page of mentions.
        .Speaker("kim-lee", "Kim Lee")
        .Organisation("riverside-council", "Riverside Council")
        .Organisation("harbour-trust", "Harbour Trust", "aliases: [the Harbour Trust]\n");

    private static readonly int[] Counts = [10, 20, 30, 40];
    private static readonly int[] Years = [2010, 2012, 2015];
    private static readonly string[] Speakers = ["alex-morgan", "sam-jones"];

    /// <summary>
    /// An article whose numbers come from small pools (so equal values group across articles),
    /// whose shares point into another article, with two speakers and two bodies to name.
    /// </summary>
    public static void Write(TestSite site, Random random, int n, int shareOf, string title, string label = "Cases", string? slug = null)
    {
        var cases = Counts[random.Next(Counts.Length)];
        var closed = Counts[random.Next(Counts.Length)];
        var year = Years[random.Next(Years.Length)];
        var speaker = random.Next(2) == 0 ? "Alex Morgan" : "Sam Jones";
        var body = random.Next(2) == 0 ? "Riverside Council" : "the Harbour Trust";
        var text = $"There were {cases} cases in {year}, police said.\n\n\"We closed {closed} of the cases quickly,\" said {speaker} of {body}.\n\n"
            + (random.Next(2) == 0 ? "\"It was hard,\" Alex Morgan said.\n" : "Nothing more was said to Kim Lee.\n");
        site.Seed($"a{n}.txt", text);
        var published = random.Next(3) == 0 ? "" : $"published: 2024-0{1 + random.Next(3)}-0{1 + random.Next(2)}\n";
        site.File($"input/articles/{slug ?? $"a{n}"}.md", $"""
            ---
            title: {title}
            source: seeds/a{n}.txt
            sha256: {TestSite.Sha256(text)}
            {published}speakers: [{Speakers[random.Next(2)]}]
            figures:
              - id: cases-{n}
                label: {label}
                match: {cases} cases
              - id: closed-{n}
                label: Cases closed
                match: {closed} of the cases
                of: cases-{shareOf}
              - id: year-{n}
                label: Year
                kind: year
                match: in {year}
                event: Cases were counted.
            ---
            """.Replace("\n\n", "\n", StringComparison.Ordinal));
    }
}

/// <summary>A generated record being edited: which articles are alive, what each one's share points at, and any article renamed.</summary>
public sealed class GeneratedRecord
{
    private readonly Random _random;

    private GeneratedRecord(Random random) => _random = random;

    public TestSite Site { get; } = GeneratedArticles.Site();
    public List<int> Alive { get; } = [];
    public Dictionary<int, int> ShareOf { get; } = [];
    public Dictionary<int, string> Slugs { get; } = [];

    /// <summary>The number the next added article takes.</summary>
    public int Next { get; set; }

    /// <summary>A record of <paramref name="articles"/> articles, each's share pointing at an earlier one's figure.</summary>
    public static GeneratedRecord Start(Random random, int articles = 12)
    {
        var record = new GeneratedRecord(random);
        for (; record.Next < articles; record.Next++)
        {
            record.Write(record.Next, record.Next == 0 ? 0 : random.Next(record.Next), $"Article {record.Next}");
            record.Alive.Add(record.Next);
        }
        return record;
    }

    public void Write(int n, int of, string title, string label = "Cases")
    {
        GeneratedArticles.Write(Site, _random, n, of, title, label, Slugs.GetValueOrDefault(n));
        ShareOf[n] = of;
    }

    public string PathOf(int n) => $"input/articles/{Slugs.GetValueOrDefault(n, $"a{n}")}.md";
}
