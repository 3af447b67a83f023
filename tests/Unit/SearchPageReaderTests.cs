using System.Text;
using System.Text.Json;
using CaseRecord.Search.Builtin;
using CaseRecord.Search;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// The generator's own reader of a trimmed page (src/Search/Builtin/PageReader.cs) on small
/// strings, against what Pagefind 1.6.0's program made of the same page (its fragment and word
/// locations, decoded by hand once); and the pieces of the index format it writes with.
/// </summary>
public sealed class SearchPageReaderTests
{
    // Pagefind 1.6.0 (--force-language en --exclude-selectors thead) made of this page the record
    // and locations asserted below.
    private const string Page = """<!DOCTYPE html><html lang="en"><head><title>Page title</title></head><body><main data-pagefind-body data-pagefind-filter="kind[data-kind]" data-kind="article" data-pagefind-meta="kind:article"><h1>Bridge closed</h1><p id="p1">Alpha <span id="s1">beta</span> gamma</p><h2>Two words</h2><p>Ends with colon:</p><p>Said "yes"</p><div data-pagefind-ignore><p>hidden words</p><span data-pagefind-filter="tag">kept tag</span></div><p><span data-pagefind-filter="speaker">Dana Okafor</span> spoke on <time data-pagefind-meta="date">2024-06-07</time></p><table><thead><tr><th>Head</th></tr></thead><tbody><tr><td>Cell</td></tr></tbody></table><footer>Foot</footer><nav>Nav</nav><p>end (note)</p></main></body></html>""";

    private static (SearchPage Page, JsonElement Fragment, Vocabulary Vocabulary) Read(string html)
    {
        var vocabulary = new Vocabulary();
        var page = PageReader.Read("/articles/a/", html, vocabulary, out var why);
        Assert.True(page is not null, why);
        return (page, JsonDocument.Parse(page.Fragment).RootElement.Clone(), vocabulary);
    }

    [Fact]
    public void Blocks_are_joined_with_a_full_stop_after_a_word_character_a_quote_or_a_bracket()
    {
        var (page, fragment, _) = Read(Page);
        Assert.Equal("/articles/a/", fragment.GetProperty("url").GetString());
        // No full stop after "colon:"; one after "yes"" and "(note)"; the ignored div, thead, footer and nav are gone.
        Assert.Equal("Bridge closed. Alpha beta gamma. Two words. Ends with colon: Said \"yes\". Dana Okafor spoke on 2024-06-07. Cell. end (note).", fragment.GetProperty("content").GetString());
        Assert.Equal(20, fragment.GetProperty("word_count").GetInt32());
        Assert.Equal(20, page.WordCount);
    }

    [Fact]
    public void Every_element_with_an_id_is_an_anchor_at_its_next_word()
    {
        var (_, fragment, _) = Read(Page);
        var anchors = fragment.GetProperty("anchors").EnumerateArray()
            .Select(a => (a.GetProperty("element").GetString(), a.GetProperty("id").GetString(), a.GetProperty("text").GetString(), a.GetProperty("location").GetInt32()))
            .ToList();
        Assert.Equal([("p", "p1", "Alpha beta gamma", 2), ("span", "s1", "beta", 3)], anchors);
    }

    [Fact]
    public void Filters_come_from_text_from_an_attribute_and_from_inside_ignored_text()
    {
        var (page, fragment, _) = Read(Page);
        var filters = fragment.GetProperty("filters").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.EnumerateArray().Select(v => v.GetString()).ToList());
        Assert.Equal(["kind", "speaker", "tag"], filters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["article"], filters["kind"]);
        Assert.Equal(["Dana Okafor"], filters["speaker"]);
        Assert.Equal(["kept tag"], filters["tag"]);
        Assert.Equal(["article"], page.Filters["kind"]);
    }

    [Fact]
    public void Meta_is_a_literal_or_the_text_and_the_first_h1_titles_the_page()
    {
        var (page, fragment, vocabulary) = Read(Page);
        var meta = fragment.GetProperty("meta").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetString());
        Assert.Equal(new Dictionary<string, string?> { ["date"] = "2024-06-07", ["kind"] = "article", ["title"] = "Bridge closed" }, meta);
        Assert.Equal(["date", "kind", "title"], page.MetaKeys);
        Assert.Equal(["Bridge", "closed"], page.MetaWords[2].Select(w => vocabulary.Words[w]));
    }

    [Fact]
    public void Heading_words_weigh_more_than_plain_words()
    {
        var (page, _, vocabulary) = Read(Page);
        var words = page.Words.Select(w => vocabulary.Words[w]).ToList();
        Assert.Equal(["Bridge", "closed.", "Alpha", "beta", "gamma.", "Two", "words."], words.Take(7));
        // Pagefind's locations: bridg −169 (168) at 0, two −145 (144) at 5, alpha −25 (24) at 2.
        Assert.Equal([168, 168, 24, 24, 24, 144, 144, 24], page.Weights.Take(8).Select(w => (int)w));
        Assert.Equal(words.Count, page.Weights.Length);
        Assert.DoesNotContain("hidden", words);
        Assert.DoesNotContain("Head", words);
        Assert.DoesNotContain("Foot", words);
        Assert.DoesNotContain("Nav", words);
    }

    [Theory]
    [InlineData("""<p data-pagefind-weight="2">x</p>""", "data-pagefind-weight")]
    [InlineData("""<p data-pagefind-sort="date">x</p>""", "data-pagefind-sort")]
    [InlineData("""<p>a picture <img src="a.png" alt="alt text"></p>""", "<img>")]
    public void What_it_does_not_model_sends_the_page_to_Pagefinds_program(string inside, string reason)
    {
        var page = PageReader.Read("/articles/a/", $"<html><body><main data-pagefind-body>{inside}</main></body></html>", new Vocabulary(), out var why);
        Assert.Null(page);
        Assert.Contains(reason, why);
    }

    [Fact]
    public void A_page_without_a_body_element_is_not_read()
    {
        Assert.Null(PageReader.Read("/articles/a/", "<html><body><main><p>words</p></main></body></html>", new Vocabulary(), out var why));
        Assert.Contains("data-pagefind-body", why);
    }

    [Theory]
    [InlineData("a &amp; b &lt;c&gt; &#39;d&#39;", "a & b <c> 'd'")]
    [InlineData("  a \n\n b  ", "a b")]
    [InlineData("a\nb", "a b")]
    [InlineData("a\r\nb", "a b")]
    [InlineData("a\tb", "a\tb")]
    [InlineData("a \t b", "a b")]
    [InlineData("a\u00A0b", "a\u00A0b")]
    [InlineData("plain", "plain")]
    public void Normalize_decodes_entities_and_makes_runs_of_white_space_one_space(string input, string expected) =>
        Assert.Equal(expected, PageReader.Normalize(input));

    /// <summary>The plain form of the white-space rule: a char at a time, <see cref="char.IsWhiteSpace(char)"/> deciding.</summary>
    private static string PlainCollapse(string text)
    {
        var t = text.AsSpan();
        int start = 0, end = t.Length;
        while (start < end && char.IsWhiteSpace(t[start])) start++;
        while (end > start && char.IsWhiteSpace(t[end - 1])) end--;
        var into = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var c = t[i];
            if (!char.IsWhiteSpace(c)) { into.Append(c); continue; }
            var run = i;
            while (i + 1 < end && char.IsWhiteSpace(t[i + 1])) i++;
            into.Append(i > run || c == '\n' ? ' ' : c);
        }
        return into.ToString();
    }

    [Fact]
    public void Normalize_collapses_white_space_as_the_plain_rule_does_on_random_text_with_every_white_space_character()
    {
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray();
        Assert.Equal(25, spaces.Length);
        var others = "ab Zé東.,-\u200B".Where(c => !char.IsWhiteSpace(c)).ToArray();
        var random = new Random(2112);
        for (var round = 0; round < 3000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(3) == 0 ? spaces[random.Next(spaces.Length)] : others[random.Next(others.Length)])]);
            Assert.Equal(PlainCollapse(text), PageReader.Normalize(text));
        }
    }

    [Fact]
    public void Normalize_leaves_text_of_single_spaces_as_it_is_and_finds_the_one_white_space_character_that_changes_it()
    {
        // Mostly words between single spaces, as paragraphs are (the text copied whole), with now and
        // then one other white space character, a double space, or white space at an end.
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray();
        var others = "abZé東’“”.,-\u200B\u0084\u0086\u00A1\u1FFF\u200B\u2027\u202A\u3001".Where(c => !char.IsWhiteSpace(c)).ToArray();
        var random = new Random(2113);
        for (var round = 0; round < 5000; round++)
        {
            var text = new StringBuilder();
            for (var k = random.Next(1, 30); k > 0; k--)
                text.Append(new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => others[random.Next(others.Length)])])).Append(' ');
            text.Length--;
            if (random.Next(2) == 0)
            {
                var at = random.Next(text.Length + 1);
                text.Insert(at, random.Next(4) == 0 ? " " : spaces[random.Next(spaces.Length)].ToString());
            }
            var plain = PlainCollapse(text.ToString());
            Assert.Equal(plain, PageReader.Normalize(text.ToString()));
            Assert.Equal(plain, PageReader.Normalize(plain));
        }
    }

    [Fact]
    public void A_reader_reused_for_another_page_numbers_its_words_as_the_shared_vocabulary_does()
    {
        var vocabulary = new Vocabulary();
        var reader = new PageReader(vocabulary);
        var first = reader.Read("/a/", "<html><body><main data-pagefind-body><p>alpha beta gamma</p></main></body></html>", out _)!;
        // Another reader meets a new word first, so the shared numbers are not the order this reader met them.
        var other = PageReader.Read("/b/", "<html><body><main data-pagefind-body><p>delta alpha</p></main></body></html>", vocabulary, out _)!;
        var second = reader.Read("/c/", "<html><body><main data-pagefind-body><p>gamma alpha delta alpha</p></main></body></html>", out _)!;
        var words = vocabulary.Words;
        // A block ends with a full stop, as Pagefind joins blocks, so "gamma." and "alpha." are words of their own.
        Assert.Equal(["alpha", "beta", "gamma."], first.Words.Select(w => words[w]));
        Assert.Equal(["delta", "alpha."], other.Words.Select(w => words[w]));
        Assert.Equal(["gamma", "alpha", "delta", "alpha."], second.Words.Select(w => words[w]));
    }

    // A page as the site has it: head, navigation and footer around the body, which holds a title,
    // anchored paragraphs with marks inside them, entities, a literal and an attribute filter, meta.
    private static string WholePage(string title, string text) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} &amp; more</title><link rel="stylesheet" href="/s.css"></head>
        <body><header><nav><a href="/">Home</a> <a href="/speakers/">Speakers</a></nav></header>
        <main data-pagefind-body data-pagefind-filter="kind:article" data-pagefind-meta="kind:article" data-kind="article">
        <h1>{title}</h1><p class="dek">Said &quot;no&quot; &#8212; twice</p>
        <p id="p1">{text} <q class="quote" data-quote="q1"><span class="mark">&#8220;</span>We &#39;will&#39; rebuild<span class="mark">&#8221;</span></q>, said <a href="/speakers/dana/" data-pagefind-filter="speaker">Dana &amp; Co</a>.</p>
        <p id="p2"><span id="inner">{text}</span> &amp;lt;tag&amp;gt; &bogus; &#x27;end&#x27;</p>
        <div data-pagefind-ignore><p>hidden</p></div><footer>Foot</footer>
        </main><footer><p>Site footer</p></footer><script>var x = "<p>no</p>";</script></body></html>
        """;

    [Fact]
    public void A_page_read_whole_by_a_reused_reader_is_the_record_of_its_trimmed_copy_read_by_a_new_one()
    {
        string[] pages = [WholePage("Bridge closed", "Alpha beta"), WholePage("Second", "Gamma  delta\n epsilon"), WholePage("Bridge closed", "Alpha beta"),
            // Two body elements: not trimmed, read whole.
            "<html><body><main data-pagefind-body><p id=\"a\">one &amp; two</p></main><div data-pagefind-body><p>three</p></div></body></html>"];
        var shared = new Vocabulary();
        var reader = new PageReader(shared);
        foreach (var round in new[] { 1, 2 })
            for (var k = 0; k < pages.Length; k++)
            {
                var plainWords = new Vocabulary();
                var plain = PageReader.Read($"/p{k}/", PagefindInput.Trim(pages[k]), plainWords, out var why);
                Assert.True(plain is not null, why);
                var whole = reader.ReadWhole($"/p{k}/", pages[k], out why);
                Assert.True(whole is not null, why);
                Assert.Equal(Encoding.UTF8.GetString(plain.Fragment), Encoding.UTF8.GetString(whole.Fragment));
                Assert.Equal(plain.Words.Select(w => plainWords.Words[w]), whole.Words.Select(w => shared.Words[w]));
                Assert.Equal(plain.Weights, whole.Weights);
                Assert.Equal(plain.MetaKeys, whole.MetaKeys);
                Assert.Equal(plain.Filters.Keys, whole.Filters.Keys);
                foreach (var (filter, values) in plain.Filters) Assert.Equal(values, whole.Filters[filter]);
            }
    }

    [Fact]
    public void Entities_are_decoded_in_the_text_and_twice_in_an_anchor_as_the_plain_decoding_of_the_whole_text_decodes_them()
    {
        // The reader decodes entity by entity, each once a reader; WebUtility.HtmlDecode of the whole text is the rule.
        string[] entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;", "&nbsp;", "&#8212;", "&#128512;", "&#xD800;", "&#0065;", "&#x41;",
            "&bogus;", "&", "&;", "&#;", "&#x;", "&amp;lt;", "&amp;amp;", "&amp;#39;", "&AMP;", "&eacute;", "&" + new string('a', 45) + ";", "&a&amp;"];
        string[] others = ["word", "Ünïcode", "x", ";", "#", "1,000", " ", "  ", "\n", "\t", "\u00A0"];
        var random = new Random(21);
        var reader = new PageReader(new Vocabulary());
        for (var round = 0; round < 400; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => random.Next(2) == 0 ? entities[random.Next(entities.Length)] : others[random.Next(others.Length)])) + " end";
            var page = reader.Read("/a/", $"<html><body><main data-pagefind-body><p id=\"x\">{text}</p></main></body></html>", out var why);
            Assert.True(page is not null, why);
            var fragment = JsonDocument.Parse(page.Fragment).RootElement;
            Assert.Equal(PageReader.Normalize(PageReader.Normalize(text)), fragment.GetProperty("anchors")[0].GetProperty("text").GetString());
            // The block ends with a full stop after "end", then the text is normalized once and cut at white space.
            var words = PageReader.Normalize(text + ".").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(' ', words), fragment.GetProperty("content").GetString());
        }
    }

    [Fact]
    public void Cbor_reads_what_it_writes()
    {
        var bytes = new CborWriter().Array(9).Int(0).Int(23).Int(24).Int(-1).Int(-25).Int(70_000).Int(long.MaxValue).Int(long.MinValue)
            .Array(2).Text("Zürich 😀 東京").Ints([1, -2, 300]).ToArray();
        var value = (object?[])CborReader.Read(bytes)!;
        Assert.Equal([0L, 23L, 24L, -1L, -25L, 70_000L, long.MaxValue, long.MinValue], value.Take(8));
        var last = (object?[])value[8]!;
        Assert.Equal("Zürich 😀 東京", last[0]);
        Assert.Equal([1L, -2L, 300L], (object?[])last[1]!);
    }

    [Fact]
    public void Cbor_writes_the_smallest_form_as_minicbor_does()
    {
        Assert.Equal([0x17], new CborWriter().Int(23).ToArray());
        Assert.Equal([0x18, 0x18], new CborWriter().Int(24).ToArray());
        Assert.Equal([0x38, 0x18], new CborWriter().Int(-25).ToArray());
        Assert.Equal([0x19, 0x01, 0xF4], new CborWriter().Int(500).ToArray());
        Assert.Equal([0x1A, 0x00, 0x01, 0x11, 0x70], new CborWriter().Int(70_000).ToArray());
        Assert.Equal([0x82, 0x62, 0xC3, 0xA9, 0x00], new CborWriter().Array(2).Text("é").Int(0).ToArray());
        Assert.Throws<FormatException>(() => CborReader.Read([0x82, 0x01]));
        Assert.Throws<FormatException>(() => CborReader.Read([0x01, 0x01]));
    }

    [Fact]
    public void A_packed_file_unpacks_to_its_content_and_a_file_without_the_mark_does_not()
    {
        var content = Encoding.UTF8.GetBytes("{\"url\":\"/a/\"}");
        Assert.Equal(content, PagefindFile.Unpack(PagefindFile.Pack(content)));
        using var plain = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(plain, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        Assert.Throws<FormatException>(() => PagefindFile.Unpack(plain.ToArray()));
    }

    [Fact]
    public void A_negative_location_sets_the_weight_and_is_followed_by_an_absolute_position() =>
        Assert.Equal([(6, 24), (1, 168)], Lexicon.Locations([-25L, 6L, -169L, 1L]));

    [Fact]
    public void Other_locations_are_distances_from_the_last() =>
        Assert.Equal([(13, 24), (14, 24), (15, 24)], Lexicon.Locations([-25L, 13L, 1L, 1L]));

    [Theory]
    [InlineData("articles/x/index.html", "/articles/x/")]
    [InlineData("index.html", "/")]
    [InlineData("speakers/o'neill/index.html", "/speakers/o'neill/")]
    [InlineData("articles/café/index.html", "/articles/caf%C3%A9/")]
    [InlineData("articles/a b#c?d%e/index.html", "/articles/a%20b%23c%3Fd%25e/")]
    [InlineData("articles/x/page.html", "/articles/x/page.html")]
    public void A_site_path_becomes_Pagefinds_url(string path, string url) =>
        Assert.Equal(url, CaseRecord.Search.Builtin.BuiltinSearchRun.Url(path));
}
