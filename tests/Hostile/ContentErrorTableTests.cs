using System.Text.RegularExpressions;
using CaseRecord.Cli;
using CaseRecord.Content;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Hostile;

/// <summary>
/// One case per kind of content error, each made in a copy of the real project after a good
/// build: the command exits 1, prints `path:line:col: error: …` where the fix belongs, and leaves
/// the output folder exactly as it was.
/// </summary>
public sealed class ContentErrorTableTests
{
    private const string Article = "input/articles/thornton-refuses-responsibility.md";
    private const string Speaker = "input/speakers/sara-thornton.md";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // name, file, text to find ("" = replace the whole file), replacement, expected "path:line:col: error: …" start
        { "unclosed bracket", Article, "speakers: [sara-thornton]", "speakers: [sara-thornton", $"{Article}:14:" },
        { "bad indentation", Article, "  - id: recorded-contacts\n    label:", "  - id: recorded-contacts\n   label:", $"{Article}:18:" },
        { "tab indentation", Article, "    label: Offences recorded", "\tlabel: Offences recorded", $"{Article}:21:1: error: malformed YAML: a tab" },
        { "duplicate key", Article, "publisher: Oxford Mail", "publisher: Oxford Mail\nPublisher: Again", $"{Article}:6:1: error: duplicate key 'Publisher' (first given at line 5)" },
        { "no front matter", Speaker, "", "name: Sara Thornton\n", $"{Speaker}:1:1: error: the file has no front matter" },
        { "unterminated front matter", Speaker, "", "---\nname: Sara Thornton\n", $"{Speaker}:1:1: error: the front matter is not closed" },
        { "figures is not a list", Article, "figures:\n  - id: recorded-contacts", "figures: 3\nxfigures:\n  - id: recorded-contacts", $"{Article}:16:10: error: 'figures' must be a list" },
        { "published in year zero", Article, "published: 2015\n", "published: 0000-01-15\n", $"{Article}:6:12: error: 'published' must be a date as YYYY-MM-DD, YYYY-MM or YYYY, from year 0001 to 9999, not '0000-01-15'" },
        { "published on a day the month lacks", Article, "published: 2015\n", "published: 9999-12-32\n", $"{Article}:6:12: error: 'published' must be a date" },
        { "a list where text is expected", Article, "publisher: Oxford Mail", "publisher: [Oxford, Mail]", $"{Article}:5:12: error: 'publisher' must be text, not a list" },
        { "missing required key", Speaker, "name: Sara Thornton\n", "", $"{Speaker}:1:1: error: missing required key 'name'" },
        { "source missing", Article, "source: seeds/000_fbf6e240cee8247d.txt", "source: seeds/nothing.txt", $"{Article}:3:9: error: source text 'seeds/nothing.txt' does not exist" },
        { "source outside seeds", Article, "source: seeds/000_fbf6e240cee8247d.txt", "source: ../shared/seeds/000_fbf6e240cee8247d.txt", $"{Article}:3:9: error: 'source' must be a path inside seeds/" },
        { "source is a folder", Article, "source: seeds/000_fbf6e240cee8247d.txt", "source: seeds/folder", $"{Article}:3:9: error: 'source' names the folder" },
        { "url not http or https", Article, "publisher: Oxford Mail\n", "publisher: Oxford Mail\nurl: ftp://example.org/story\n", $"{Article}:6:6: error: 'url' must be the address of the original publication as an absolute http or https URL (https://…), not 'ftp://example.org/story'" },
        { "archived not an absolute URL", Article, "publisher: Oxford Mail\n", "publisher: Oxford Mail\narchived: web.archive.org/story\n", $"{Article}:6:11: error: 'archived' must be the address of an archived copy as an absolute http or https URL" },
        { "sha256 mismatch", Article, "sha256: a410", "sha256: b410", $"{Article}:4:9: error: sha256 does not match" },
        { "bad figure id", Article, "- id: recorded-contacts\n", "- id: Recorded_Contacts\n", $"{Article}:17:9: error: figure id 'Recorded_Contacts' is not a valid slug" },
        { "duplicate figure id", Article, "- id: recorded-crimes", "- id: recorded-contacts", $"{Article}:24:9: error: duplicate figure id 'recorded-contacts' (also at {Article}:17:9)" },
        { "match not in the text", Article, "match: 1,561 recorded contacts", "match: 1,651 recorded contacts", $"{Article}:19:12: error: figure 'recorded-contacts': match '1,651 recorded contacts' is not in the text" },
        { "ambiguous match", Article, "match: 26 offences recorded", "match: \"26\"", $"{Article}:22:12: error: figure 'offences-recorded': match '26' occurs 2 times (p3, p14)" },
        { "of names no figure", Article, "of: recorded-contacts", "of: recorded-contact", $"{Article}:23:9: error: figure 'offences-recorded': 'of' names no figure 'recorded-contact'" },
        { "unknown currency", Article, "    match: 1,561 recorded contacts\n", "    match: 1,561 recorded contacts\n    kind: money\n    currency: XYZ\n", $"{Article}:21:15: error: 'currency' must be an ISO 4217 code such as GBP, USD or EUR, not 'XYZ'" },
        { "date figure with no date in its match", Article, "    kind: year\n    match: in 2006 a case collapsed", "    kind: date\n    match: a case collapsed", $"{Article}:39:12: error: figure 'case-collapsed': match 'a case collapsed' has no date" },
        { "date figure with an impossible date", Article, "    kind: year\n    match: in 2006 a case collapsed", "    kind: date\n    match: in 2006 a case collapsed\n    value: 2006-02-30", $"{Article}:40:12: error: 'value' of a date figure must be a date as YYYY-MM-DD" },
        { "of makes a cycle", Article, "    match: 1,561 recorded contacts\n", "    match: 1,561 recorded contacts\n    of: offences-recorded\n", $"{Article}:20:9: error: figure 'recorded-contacts': 'of: offences-recorded' makes a cycle" },
        { "figure: naming no case-level figure", Article, "  - id: recorded-crimes\n    label: Recorded crimes, as Ms Thornton put it\n", "  - figure: recorded-crimes\n", $"{Article}:24:13: error: figure 'recorded-crimes' names no case-level figure: add input/figures/recorded-crimes.md, or give 'id' and 'label'" },
        { "item with both figure and id", Article, "  - id: recorded-crimes\n    label: Recorded crimes, as Ms Thornton put it\n", "  - figure: recorded-crimes\n    id: recorded-crimes\n", $"{Article}:25:9: error: give 'figure: recorded-crimes' (a fact of the case, input/figures/recorded-crimes.md) or 'id' and 'label' (a figure of this article alone), not both" },
        { "a statement with its figure's label", Article, "  - id: recorded-crimes\n", "  - figure: recorded-crimes\n", $"{Article}:25:12: error: 'label' of the case-level figure 'recorded-crimes' belongs in input/figures/recorded-crimes.md, not in the article" },
        { "an article's figure id taken by a case-level figure", "input/figures/recorded-contacts.md", "", "---\nlabel: Recorded contacts\n---\n", $"{Article}:17:9: error: figure id 'recorded-contacts' is the case-level figure of input/figures/recorded-contacts.md; state it with 'figure: recorded-contacts'" },
        { "case-level figure with an unknown kind", "input/figures/contacts.md", "", "---\nlabel: Contacts\nkind: tally\n---\n", "input/figures/contacts.md:3:7: error: 'kind' must be one of count, year, date, percent, money, duration; not 'tally'" },
        { "case-level figure without a label", "input/figures/contacts.md", "", "---\nkind: count\n---\n", "input/figures/contacts.md:1:1: error: missing required key 'label'" },
        { "case-level figure with an unknown currency", "input/figures/contacts.md", "", "---\nlabel: Cost\nkind: money\ncurrency: XYZ\n---\n", "input/figures/contacts.md:4:11: error: 'currency' must be an ISO 4217 code such as GBP, USD or EUR, not 'XYZ'" },
        { "unknown speaker", Article, "speakers: [sara-thornton]", "speakers: [sara-thornton, nobody]", $"{Article}:14:27: error: unknown speaker 'nobody'" },
        { "unknown speaker close to a known one", Article, "speakers: [sara-thornton]", "speakers: [sara-thornton, sara-thorton]", $"{Article}:14:27: error: unknown speaker 'sara-thorton': did you mean 'sara-thornton'? If not, add input/speakers/sara-thorton.md" },
        { "override to a speaker close to a known one", Article, "speakers: [sara-thornton]\n", "speakers: [sara-thornton]\nquotes:\n  - match: I would repeat that apology today\n    speaker: sara-thornten\n", $"{Article}:17:14: error: unknown speaker 'sara-thornten': did you mean 'sara-thornton'?" },
        { "of close to a figure id", Article, "of: recorded-contacts", "of: recorded-contcts", $"{Article}:23:9: error: figure 'offences-recorded': 'of' names no figure 'recorded-contcts'; did you mean 'recorded-contacts'?" },
        { "unknown organisation close to a known one", Speaker, "organisation: thames-valley-police", "organisation: thames-valey-police", $"{Speaker}:4:15: error: unknown organisation 'thames-valey-police': did you mean 'thames-valley-police'?" },
        { "plain value holding a colon", Article, "publisher: Oxford Mail", "publisher: Oxford Mail: the paper", $"{Article}:5:23: error: malformed YAML: While scanning a plain scalar value, found invalid mapping; the value holds ': ', which YAML takes for the start of another key: put it in quotes, publisher: \"Oxford Mail: the paper\"" },
        { "plain list item holding a colon", Article, "omit: [{text: \"Our top stories\", reason: a heading from the web page the text was copied from}]", "omit: [Our top stories: here]", $"{Article}:13:8: error: each item of 'omit' must be text, not a mapping; 'Our top stories: here' holds ': ', which YAML takes for a key and its value: put the item in quotes, \"Our top stories: here\"" },
        { "unknown organisation", Speaker, "organisation: thames-valley-police", "organisation: thames-valley-polis", $"{Speaker}:4:15: error: unknown organisation 'thames-valley-polis'" },
        { "settings syntax error", "statiq.json", "\"SiteTitle\": \"The case record\",", "\"SiteTitle\": \"The case record\"", "statiq.json:3:" },
        { "settings wrong type", "statiq.json", "\"LinksUseHttps\": true", "\"LinksUseHttps\": \"yes\"", "statiq.json:6:3: error: setting 'LinksUseHttps' must be true or false" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_content_error_names_its_place_and_leaves_the_output_alone(string name, string file, string find, string replace, string expected)
    {
        using var project = new TempProject(Repo.Root);
        Directory.CreateDirectory(project.PathOf("seeds/folder"));
        var stderr = new StringWriter();
        Assert.True(new CommandLine(new StringWriter(), stderr).Run(["build", "--root", project.Root]) == 0, stderr.ToString());
        var before = TempProject.Snapshot(project.PathOf("output"));

        var path = project.PathOf(file);
        // A row may add a file the project lacks (a case-level figure): it replaces nothing.
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        if (find.Length == 0) text = replace;
        else
        {
            Assert.True(text.Contains(find), $"{name}: '{find}' is not in {file}");
            text = text.Replace(find, replace);
        }
        File.WriteAllText(path, text);

        var errors = new StringWriter();
        var code = new CommandLine(new StringWriter(), errors).Run(["build", "--root", project.Root]);
        Assert.Equal(1, code);
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Any(l => l.StartsWith(expected, StringComparison.Ordinal)), $"{name}: expected a line starting '{expected}', got:\n{errors}");
        Assert.All(lines.Where(l => l.Contains(": error: ")), l => Assert.Matches(@"^[^:]+:\d+:\d+: error: \S", l));

        var after = TempProject.Snapshot(project.PathOf("output"));
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (key, (bytes, written)) in before)
        {
            Assert.Equal(bytes, after[key].Bytes);
            Assert.Equal(written, after[key].Written);
        }
    }

    /// <summary>
    /// One mistake, one message: each case makes one mistake that once gave a second, misleading
    /// message as well; the first must be there and the second not. Edits are (file, text to find
    /// or "" for the whole file, replacement) triples.
    /// </summary>
    public static TheoryData<string, string[], string, string> Consequences => new()
    {
        { "a figure whose match failed, named by 'of'", [Article, "match: 1,561 recorded contacts", "match: 1,651 recorded contacts"],
            $"{Article}:19:12: error: figure 'recorded-contacts': match '1,651 recorded contacts' is not in the text", "'of' names no figure" },
        { "an override to a mistyped slug of the listed speaker", [
                "input/speakers/ann-other.md", "", "---\nname: Ann Other\n---\n",
                Article, "speakers: [sara-thornton]\n", "speakers: [sara-thornton, ann-other]\nquotes:\n  - match: I would repeat that apology today\n    speaker: ann-othr\n"],
            $"{Article}:17:14: error: unknown speaker 'ann-othr': did you mean 'ann-other'?", "is listed but no quotation" },
    };

    [Theory]
    [MemberData(nameof(Consequences))]
    public void A_mistake_is_reported_once_not_again_as_its_consequence(string name, string[] edits, string expected, string notExpected)
    {
        using var project = new TempProject(Repo.Root);
        for (var i = 0; i < edits.Length; i += 3)
        {
            var (file, find, replace) = (edits[i], edits[i + 1], edits[i + 2]);
            var text = find.Length == 0 ? "" : File.ReadAllText(project.PathOf(file));
            Assert.True(find.Length == 0 || text.Contains(find), $"{name}: '{find}' is not in {file}");
            project.Write(file, find.Length == 0 ? replace : text.Replace(find, replace));
        }
        var errors = new StringWriter();
        Assert.Equal(1, new CommandLine(new StringWriter(), errors).Run(["check", "--root", project.Root]));
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Any(l => l.StartsWith(expected, StringComparison.Ordinal)), $"{name}: expected a line starting '{expected}', got:\n{errors}");
        Assert.DoesNotContain(lines, l => l.Contains(notExpected, StringComparison.Ordinal));
    }
}

/// <summary>A project whose files vanish between being listed and being read, as when an editor saves mid-build.</summary>
public sealed class VanishingFileTests
{
    private sealed class Vanishing(IContentSource inner, string vanished) : IContentSource
    {
        public IReadOnlyList<string> ListFiles(string folder, string extension) => inner.ListFiles(folder, extension);
        public IReadOnlyList<string> ListFilesRecursive(string folder) => inner.ListFilesRecursive(folder);
        public bool FileExists(string path) => inner.FileExists(path);
        public bool DirectoryExists(string path) => inner.DirectoryExists(path);
        public byte[] ReadAllBytes(string path) => path == vanished ? throw new FileNotFoundException($"Could not find file '{path}'") : inner.ReadAllBytes(path);
    }

    [Theory]
    [InlineData("input/articles/thornton-refuses-responsibility.md")]
    [InlineData("seeds/000_fbf6e240cee8247d.txt")]
    [InlineData("input/speakers/sara-thornton.md")]
    [InlineData("theme/layouts/article.sbn")]
    [InlineData("theme/assets/site.css")]
    [InlineData("statiq.json")]
    public void A_file_that_vanishes_mid_build_is_an_error_not_a_crash(string vanished)
    {
        var project = new Vanishing(new DiskContentSource(Repo.Root), vanished);
        var result = new CaseRecord.Building.SiteBuilder(project, new Dictionary<string, string>()).Build(new CaseRecord.Output.MemorySink());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.IsError && (d.At.Path == vanished || d.Message.Contains(Regex.Match(vanished, @"[^/]+$").Value)));
    }
}
