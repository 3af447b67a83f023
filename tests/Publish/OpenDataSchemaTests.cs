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

    private static JsonDocument Data(MemoryContentSource source)
    {
        var sink = new MemorySink();
        var result = new SiteBuilder(source, new Dictionary<string, string>()).Build(sink);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        return JsonDocument.Parse(sink.Text("data/case.json"));
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
