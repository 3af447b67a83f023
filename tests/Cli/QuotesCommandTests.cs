using System.Text.RegularExpressions;
using CaseRecord.Cli;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Cli;

/// <summary>The editors' review report, <c>quotes</c>, run in-process on a small project of two articles.</summary>
public sealed class QuotesCommandTests : IDisposable
{
    private readonly TempProject _project = new();

    public QuotesCommandTests()
    {
        _project.Write("statiq.json", "{ \"SiteTitle\": \"Review\", \"SiteDescription\": \"Two articles to review.\" }\n");
        _project.Write("input/speakers/priya-shah.md", "---\nname: Priya Shah\n---\n");
        _project.Write("input/speakers/tom-baker.md", "---\nname: Tom Baker\n---\n");
        _project.Write("seeds/a.txt",
            "Councillor Priya Shah defended the plan on Monday.\n\n" +
            "Ms Shah said: “We acted, as fast as the rain allowed, and we will go on.”\n\n" +
            "The mother of one victim said: “Nobody | listened to us.”\n\n" +
            "Red banners, “Out, out”, hung from the bridge.\n\n" +
            "The so-called “Dry Feet” scheme began later.\n");
        _project.Write("input/articles/a.md",
            "---\ntitle: A flood plan defended\nsource: seeds/a.txt\nspeakers: [priya-shah]\nquotes:\n" +
            "  - match: Nobody\n    unnamed: the mother of one victim, who lives by the river\n" +
            "  - match: Dry Feet\n    speaker: none\n---\n");
        _project.Write("seeds/b.txt",
            "Tom Baker said: “The warnings were there.\n\n“Nobody acted on them.”\n\n“Enough,” came the reply.\n");
        _project.Write("input/articles/b.md",
            "---\ntitle: B warnings ignored\nsource: seeds/b.txt\nspeakers: [tom-baker]\nquotes:\n  - match: Enough\n    speaker: tom-baker\n---\n");
    }

    public void Dispose() => _project.Dispose();

    private (int Code, string Out, string Err) Quotes(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run(["quotes", "--root", _project.Root, .. args]);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private const string AllCounted = "6 quotations: 3 attributed (2 cue, 1 override), 1 unnamed, 1 unattributed, 1 not speech";
    private const string UnnamedEvidence = "override under 'quotes:': unnamed, \"the mother of one victim, who lives by the river\"";

    [Fact]
    public void Text_lists_every_quotation_in_record_order_in_aligned_columns_and_ends_with_the_count()
    {
        var (code, output, errors) = Quotes();
        Assert.True(code == 0, errors);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(["article", "paragraph", "first", "words", "speaker", "evidence"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var rows = lines[1..7];
        Assert.Equal("", lines[7]);
        Assert.Equal(AllCounted, lines[8]);
        Assert.Equal(9, lines.Length);

        Assert.Equal(["a p2", "a p3", "a p4", "a p5", "b p1–p2", "b p3"], rows.Select(r => string.Join(' ', r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..2])));
        // Every column starts where its heading does, whatever the lengths of the cells before it.
        foreach (var heading in new[] { "paragraph", "first words", "speaker", "evidence" })
        {
            var at = lines[0].IndexOf(heading, StringComparison.Ordinal);
            Assert.All(rows, r => Assert.True(r[at - 1] == ' ' && r[at] != ' ', $"'{heading}' at {at}: {r}"));
        }
        var speakerAt = lines[0].IndexOf("speaker", StringComparison.Ordinal);
        var evidenceAt = lines[0].IndexOf("evidence", StringComparison.Ordinal);
        string Cell(string row, int from, int to) => row[from..to].Trim();
        Assert.Equal(["priya-shah", "unnamed: the mother of one victim, who lives by the river", "unattributed", "not speech", "tom-baker", "tom-baker"],
            rows.Select(r => Cell(r, speakerAt, evidenceAt)));
        Assert.Contains("We acted, as fast as the rain allowed, …", rows[0]);
        Assert.EndsWith(UnnamedEvidence, rows[1]);
        Assert.EndsWith("override under 'quotes:'", rows[5]);
        Assert.All(rows[..5], r => Assert.DoesNotMatch(@"\s$", r));
    }

    [Fact]
    public void Csv_has_the_header_row_and_quotes_fields_with_commas_and_quotes_as_rfc_4180_says()
    {
        var (code, output, errors) = Quotes("--format", "csv");
        Assert.True(code == 0, errors);
        Assert.EndsWith("\r\n", output);
        var records = Csv(output);
        Assert.Equal(["article", "paragraph", "first_words", "speaker", "unnamed", "basis", "rule", "cue", "source", "evidence"], records[0]);
        Assert.Equal(7, records.Count);
        Assert.All(records, r => Assert.Equal(10, r.Length));

        var shah = records[1];
        Assert.Equal(["a", "p2", "We acted, as fast as the rain allowed, …", "priya-shah", ""], shah[..5]);
        Assert.Contains("\"We acted, as fast as the rain allowed, …\"", output);
        var unnamed = records[2];
        Assert.Equal(["a", "p3", "Nobody | listened to us.", "", "the mother of one victim, who lives by the river", "unnamed", "override-unnamed"], unnamed[..7]);
        Assert.Equal(UnnamedEvidence, unnamed[9]);
        Assert.Contains("\"override under 'quotes:': unnamed, \"\"the mother of one victim, who lives by the river\"\"\"", output);
        Assert.Equal(["", "unattributed"], records[3][4..6]);
        Assert.Equal(["", "", "notspeech"], records[4][3..6]);
        Assert.Equal(["b", "p1–p2", "The warnings were there. Nobody acted on them.", "tom-baker"], records[5][..4]);
        Assert.Equal(["tom-baker", "", "override", "override"], records[6][3..7]);
        // The file stays a table: the count goes to the terminal, not into it.
        Assert.Equal(AllCounted, errors.Trim());
    }

    [Fact]
    public void Markdown_is_a_table_with_pipes_in_cells_escaped()
    {
        var (code, output, errors) = Quotes("--format", "md");
        Assert.True(code == 0, errors);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("| article | paragraph | first words | speaker | evidence |", lines[0]);
        Assert.Equal("| --- | --- | --- | --- | --- |", lines[1]);
        Assert.Equal("| a | p3 | Nobody \\| listened to us. | unnamed: the mother of one victim, who lives by the river | " + UnnamedEvidence + " |", lines[3]);
        // Each row has as many cells as the header (five, between six pipes): no unescaped pipe splits one.
        Assert.All(lines[2..8], l => Assert.Equal(7, Regex.Split(l, @"(?<!\\)\|").Length));
        Assert.Equal("", lines[8]);
        Assert.Equal(AllCounted, lines[9]);
    }

    [Theory]
    [InlineData("--unattributed", "", "a p4", "1 quotation: 0 attributed, 0 unnamed, 1 unattributed, 0 not speech")]
    [InlineData("--speaker", "tom-baker", "b p1–p2|b p3", "2 quotations: 2 attributed (1 cue, 1 override), 0 unnamed, 0 unattributed, 0 not speech")]
    [InlineData("--article", "a", "a p2|a p3|a p4|a p5", "4 quotations: 1 attributed (1 cue), 1 unnamed, 1 unattributed, 1 not speech")]
    public void Filters_list_only_the_quotations_asked_for_and_count_those(string option, string value, string expected, string count)
    {
        var (code, output, errors) = Quotes(value.Length == 0 ? [option] : [option, value]);
        Assert.True(code == 0, errors);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(expected.Split('|'), lines[1..^2].Select(r => string.Join(' ', r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..2])));
        Assert.Equal(count, lines[^1]);
    }

    [Fact]
    public void Filters_combine_and_an_empty_list_is_only_its_count()
    {
        var (code, output, errors) = Quotes("--speaker", "priya-shah", "--article", "b");
        Assert.True(code == 0, errors);
        Assert.Equal("0 quotations", output.Trim());
        var (csvCode, csv, _) = Quotes("--speaker", "priya-shah", "--article", "b", "--format", "csv");
        Assert.Equal(0, csvCode);
        Assert.Equal("article,paragraph,first_words,speaker,unnamed,basis,rule,cue,source,evidence\r\n", csv);
    }

    [Theory]
    [InlineData("--speaker", "tom-bakr", "--speaker: there is no speaker 'tom-bakr' in the record; did you mean 'tom-baker'?")]
    [InlineData("--article", "nowhere", "--article: there is no article 'nowhere' in the record")]
    [InlineData("--format", "xml", "xml")]
    [InlineData("-s", "NoEqualsSign", "--setting 'NoEqualsSign' must be KEY=VALUE")]
    [InlineData("--no-such-option", "", "--no-such-option")]
    public void Wrong_use_is_a_usage_error_naming_what_is_wrong(string option, string value, string said)
    {
        var (code, output, errors) = Quotes(value.Length == 0 ? [option] : [option, value]);
        Assert.Equal(2, code);
        Assert.Contains("error", errors);
        Assert.Contains(said, errors);
        Assert.Equal("", output);
    }

    [Fact]
    public void Settings_may_be_given_as_for_the_other_commands()
    {
        var (code, output, errors) = Quotes("-s", "SiteTitle=Another", "--setting", "LinkHideIndexPages=true");
        Assert.True(code == 0, errors);
        Assert.EndsWith(AllCounted, output.TrimEnd());
    }

    [Fact]
    public void A_broken_project_exits_1_naming_the_place_of_each_error_and_lists_nothing()
    {
        var article = _project.PathOf("input/articles/b.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("speaker: tom-baker", "speaker: nobody"));
        var (code, output, errors) = Quotes();
        Assert.Equal(1, code);
        Assert.Matches(@"input/articles/b\.md:\d+:\d+: error: unknown speaker 'nobody'", errors);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_missing_project_folder_is_a_usage_error()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, new CommandLine(new StringWriter(), stderr).Run(["quotes", "--root", _project.PathOf("no-such-folder")]));
        Assert.Contains("does not exist", stderr.ToString());
    }

    [Fact]
    public void The_check_summary_counts_the_same_way_with_unnamed_sources_apart_and_not_as_warnings()
    {
        TempProject.CopyDirectory(Repo.PathOf("theme"), _project.PathOf("theme"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, new CommandLine(stdout, stderr).Run(["check", "--root", _project.Root]));
        Assert.Contains("2 articles, 0 figures, 2 speakers, 5 quotations: 3 attributed (2 cue, 1 override), 1 unnamed, 1 unattributed; 0 errors, 1 warning.", stdout.ToString());
        Assert.Contains("cannot be attributed", stderr.ToString());
    }

    /// <summary>Records of an RFC 4180 file: fields split at commas outside quotes, "" inside quotes a quote, records ended by CRLF.</summary>
    private static List<string[]> Csv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else field.Append(c);
        }
        Assert.True(field.Length == 0 && fields.Count == 0, "the last record is not ended by CRLF");
        return records;
    }
}
