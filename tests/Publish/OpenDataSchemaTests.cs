using System.Text.Json;
using System.Text.RegularExpressions;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>
/// docs/open-data.md is the data file's contract: every element of each top-level list has exactly
/// the fields its section's table lists, each of the type the table gives, and no object anywhere
/// in the file has a field the document does not describe.
/// </summary>
public sealed partial class OpenDataSchemaTests
{
    /// <summary>A documented field: its name and the JSON kinds its type allows.</summary>
    private sealed record Field(string Name, JsonValueKind[] Kinds);

    [GeneratedRegex(@"^\|\s*(?<names>`[^|]+?`)\s*\|\s*(?<types>[^|]+?)\s*\|")]
    private static partial Regex Row();

    [GeneratedRegex(@"^## `(?<name>\w+)`\s*$")]
    private static partial Regex Section();

    /// <summary>Every table of the document, under the section it is in (null before the first section named for a list).</summary>
    private static List<(string? Section, List<Field> Fields)> Tables()
    {
        var tables = new List<(string?, List<Field>)>();
        string? section = null;
        List<Field>? current = null;
        foreach (var line in File.ReadLines(Repo.PathOf("docs/open-data.md")))
        {
            if (Section().Match(line) is { Success: true } s) section = s.Groups["name"].Value;
            else if (line.StartsWith("## ", StringComparison.Ordinal)) section = null;
            // A table of fields has the header "| field | type | meaning |" (or "key"); others (values, versions) are not read.
            if (line.StartsWith("| field | type |", StringComparison.Ordinal) || line.StartsWith("| key | type |", StringComparison.Ordinal))
            {
                tables.Add((section, current = []));
                continue;
            }
            if (!line.StartsWith('|')) current = null;
            if (current is null || Row().Match(line) is not { Success: true } row) continue;
            var names = row.Groups["names"].Value.Split(',').Select(n => n.Trim().Trim('`')).Select(n => n[(n.LastIndexOf('.') + 1)..]).ToArray();
            var types = row.Groups["types"].Value.Split(',').Select(t => t.Trim()).ToArray();
            for (var i = 0; i < names.Length; i++) current.Add(new Field(names[i], Kinds(types[Math.Min(i, types.Length - 1)])));
        }
        return tables;
    }

    private static JsonValueKind[] Kinds(string type) =>
    [
        .. type.Split('/').Select(t => t.Trim()).SelectMany(t => t switch
        {
            "string" => [JsonValueKind.String],
            "null" => [JsonValueKind.Null],
            "integer" or "number" => [JsonValueKind.Number],
            "boolean" => new[] { JsonValueKind.True, JsonValueKind.False },
            "object" => [JsonValueKind.Object],
            _ when t.StartsWith("array", StringComparison.Ordinal) => [JsonValueKind.Array],
            _ => throw new InvalidOperationException($"docs/open-data.md: unknown type '{t}'"),
        }),
    ];

    private static JsonDocument Data(MemoryContentSource source) => Split(source, null).Index;

    /// <summary>The data files of a build, split into parts of <paramref name="perPart"/> articles whatever the record's size (or not split, when null).</summary>
    private static (JsonDocument Index, List<JsonDocument> Parts) Split(MemoryContentSource source, int? perPart)
    {
        var sink = new MemorySink();
        var settings = perPart is { } n ? new Dictionary<string, string> { ["DataFileSplitSize"] = "0", ["DataFileArticlesPerPart"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [];
        var result = new SiteBuilder(source, settings).Build(sink);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        var parts = new List<JsonDocument>();
        for (var i = 1; sink.Files.ContainsKey($"data/articles/{i}.json"); i++) parts.Add(JsonDocument.Parse(sink.Text($"data/articles/{i}.json")));
        Assert.True(perPart is null == (parts.Count == 0), $"{parts.Count} parts");
        return (JsonDocument.Parse(sink.Text("data/case.json")), parts);
    }

    /// <summary>Each element of the list has exactly these fields, of their types.</summary>
    private static void AssertFields(string what, IReadOnlyList<Field> fields, IEnumerable<JsonElement> elements)
    {
        foreach (var element in elements)
        {
            Assert.Equal(fields.Select(f => f.Name).Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var f in fields)
                Assert.True(f.Kinds.Contains(element.GetProperty(f.Name).ValueKind), $"{what}.{f.Name} is {element.GetProperty(f.Name).ValueKind}, documented as {string.Join("/", f.Kinds)}");
        }
    }

    private static readonly string[] ArticleLists = ["articles", "quotations", "personMentions", "figures", "timeline"];

    [Theory]
    [MemberData(nameof(Sites))]
    public void A_split_record_has_the_documented_index_and_parts_whose_lists_joined_are_the_single_files(string site)
    {
        var tables = Tables();
        using var whole = Data(Source(site));
        var (index, parts) = Split(Source(site), perPart: 1);
        try
        {
            var root = index.RootElement;
            // The index: the documented top level less the lists that moved to the parts.
            var top = tables.First(t => t.Section is null && t.Fields.Any(f => f.Name == "schemaVersion")).Fields;
            Assert.Equal(top.Select(f => f.Name).Except(ArticleLists).Order(StringComparer.Ordinal),
                root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            var partTables = tables.Where(t => t.Section == "parts").ToList();
            AssertFields("parts", partTables[0].Fields, root.GetProperty("parts").EnumerateArray());
            Assert.Equal(whole.RootElement.GetProperty("articles").GetArrayLength(), parts.Count);
            foreach (var name in new[] { "speakers", "organisations", "site", "about" })
                Assert.Equal(whole.RootElement.GetProperty(name).GetRawText(), root.GetProperty(name).GetRawText());

            // Each part: the documented keys, its number, the articles the index names for it.
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i].RootElement;
                AssertFields($"part {i + 1}", partTables[1].Fields, [part]);
                Assert.Equal(i + 1, part.GetProperty("part").GetInt32());
                var entry = root.GetProperty("parts")[i];
                Assert.EndsWith($"/data/articles/{i + 1}.json", entry.GetProperty("path").GetString());
                Assert.Equal(entry.GetProperty("articles").EnumerateArray().Select(a => a.GetString()), part.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
            }
            // Joined, the parts' lists are the single file's, element for element.
            foreach (var list in ArticleLists)
                Assert.Equal(whole.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetRawText()),
                    parts.SelectMany(p => p.RootElement.GetProperty(list).EnumerateArray()).Select(e => e.GetRawText()));
        }
        finally
        {
            index.Dispose();
            foreach (var p in parts) p.Dispose();
        }
    }

    /// <summary>The seed case, the two-speaker example, and a record with money, a date and a person only mentioned.</summary>
    public static TheoryData<string> Sites => ["seed", "two-speakers", "three-sources", "values"];

    private static MemoryContentSource Source(string site) => site switch
    {
        "seed" => RepoFiles.Project(),
        "two-speakers" or "three-sources" => new MemoryContentSource().AddFolder($"tests/sites/{site}", "", rel => !rel.StartsWith("expected/", StringComparison.Ordinal)).AddFolder("theme"),
        _ => new TestSite()
            .Speaker("alex-morgan", "Alex Morgan").Speaker("kim-lee", "Kim Lee")
            .Seed("a.txt", "The scheme cost £2.3m, Kim Lee said. It opened on 12 February 2022.\n\n\"It works,\" said Alex Morgan.\n")
            .Article("a", "title: A\nsource: seeds/a.txt\nurl: https://example.org/a\narchived: https://archive.example/a\nspeakers: [alex-morgan]\n"
                + "figures:\n  - id: cost\n    label: Cost\n    kind: money\n    match: £2.3m\n"
                + "  - id: opened\n    label: Opened\n    kind: date\n    match: 12 February 2022\n    event: It opened.\n").Source,
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public void Each_lists_elements_have_exactly_the_documented_fields_of_the_documented_types(string site)
    {
        var tables = Tables();
        using var data = Data(Source(site));
        var lists = new[] { "articles", "quotations", "personMentions", "figures", "timeline" };
        foreach (var list in lists)
        {
            var fields = tables.First(t => t.Section == list).Fields;
            var elements = data.RootElement.GetProperty(list).EnumerateArray().ToList();
            Assert.True(elements.Count > 0 || site != "values", $"{site}: no {list} to check");
            foreach (var element in elements)
            {
                Assert.Equal(fields.Select(f => f.Name).Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                foreach (var f in fields)
                    Assert.True(f.Kinds.Contains(element.GetProperty(f.Name).ValueKind), $"{site}: {list}.{f.Name} is {element.GetProperty(f.Name).ValueKind}, documented as {string.Join("/", f.Kinds)}");
            }
        }
    }

    [Fact]
    public void Each_statement_of_a_fact_of_the_case_has_exactly_the_documented_fields()
    {
        var fields = Tables().Where(t => t.Section == "figures").ElementAt(1).Fields;
        Assert.Contains(fields, f => f.Name == "sentence");
        using var data = Data(Source("three-sources"));
        var statements = data.RootElement.GetProperty("figures").EnumerateArray()
            .Where(f => f.GetProperty("statements").ValueKind == JsonValueKind.Array)
            .SelectMany(f => f.GetProperty("statements").EnumerateArray()).ToList();
        Assert.Equal(5, statements.Count);
        foreach (var st in statements)
        {
            Assert.Equal(fields.Select(f => f.Name).Order(StringComparer.Ordinal), st.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var f in fields)
                Assert.True(f.Kinds.Contains(st.GetProperty(f.Name).ValueKind), $"statements.{f.Name} is {st.GetProperty(f.Name).ValueKind}, documented as {string.Join("/", f.Kinds)}");
        }
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void No_object_in_the_file_has_a_field_the_document_does_not_describe(string site)
    {
        var documented = Tables().SelectMany(t => t.Fields).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        using var data = Data(Source(site));
        var undocumented = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e, string at)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    if (!documented.Contains(p.Name)) undocumented.Add(at + "." + p.Name);
                    Walk(p.Value, at + "." + p.Name);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Walk(item, at + "[]");
        }
        Walk(data.RootElement, "$");
        var (index, parts) = Split(Source(site), perPart: 1);
        foreach (var file in parts.Prepend(index))
            using (file)
                Walk(file.RootElement, "$");
        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_reader_of_the_document_finds_each_lists_table()
    {
        var tables = Tables();
        Assert.Contains(tables, t => t.Section == "figures" && t.Fields.Any(f => f.Name == "currency" && f.Kinds.Contains(JsonValueKind.Null)));
        Assert.Contains(tables, t => t.Section == "articles" && t.Fields.Any(f => f.Name == "url") && t.Fields.Any(f => f.Name == "originalUrl"));
        Assert.DoesNotContain(tables, t => t.Fields.Any(f => f.Name is "1.3" or "1.2" or "override"));
    }
}
