using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CaseRecord.Search.Builtin;

/// <summary>
/// Reads a page as Pagefind 1.x's parser reads it (pagefind/src/fossick/parser.rs and mod.rs):
/// the text of its data-pagefind-body element joined up with the same spaces and full stops, its
/// anchors (every element with an id), filters, meta and heading weights, and the words in the
/// order Pagefind counts them. How each word is indexed (stemmed, split, folded) is not decided
/// here but asked of Pagefind's own program (<see cref="Lexicon"/>).
/// </summary>
/// <remarks>
/// It reads the pages <see cref="PagefindInput.Trim"/> makes: well-formed, with only the
/// elements and attributes Pagefind reads. Anything it does not model (an explicit weight, sort,
/// default meta, indexed attributes, an image, an anchor title, a page with no body element) makes
/// it return a reason instead, and the build's index is made by Pagefind's program as before.
/// </remarks>
public sealed partial class PageReader
{
    private static readonly HashSet<string> Sentence = new(StringComparer.Ordinal)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "dl", "dt", "dd", "article", "section",
    };

    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i",
        "img", "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select",
        "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var",
    };

    /// <summary>Pagefind's own removals (those the trimming drops), and the one the build adds (--exclude-selectors thead).</summary>
    private static readonly HashSet<string> Removed = new(PagefindInput.Dropped.Append("thead"), StringComparer.Ordinal);

    private static readonly HashSet<string> Void = PagefindInput.Void;

    // Attributes of Pagefind's it models; any other data-pagefind- attribute sends the build to Pagefind's program.
    private static readonly HashSet<string> Modelled = new(StringComparer.Ordinal)
    {
        "data-pagefind-body", "data-pagefind-ignore", "data-pagefind-filter", "data-pagefind-meta",
    };

    private const string AnchorMark = "___PAGEFIND_ANCHOR___";
    private const string AutoWeightMark = "___PAGEFIND_AUTO_WEIGHT___";
    private const string EndWeightMark = "___END_PAGEFIND_WEIGHT___";

    private enum Status { Indexing, Ignored, Excluded, Body, ParentOfBody }

    /// <summary>An open element. Its value (Pagefind's current_value) is the shared buffer from <see cref="Start"/> on, its own text from <see cref="ValueStart"/>: what is written before that (a heading's weight, a block's space) Pagefind adds only at the element's end.</summary>
    private sealed class Node(string tag, Node? parent, Status status, int start)
    {
        public string Tag { get; } = tag;
        public Node? Parent { get; } = parent;
        public Status Status { get; set; } = status;
        public int Start { get; } = start;
        public int ValueStart { get; set; } = start;
        public List<string>? Filter { get; init; }
        public List<string>? Meta { get; init; }
        public List<string>? Anchors { get; init; }
    }

    private readonly Vocabulary _vocabulary;
    // Reused from page to page: the text of every open element, one after another (an element's
    // text is never copied into its parent's, as Pagefind's parser does, but stays where it is).
    private readonly StringBuilder _text = new(16 * 1024);
    private readonly StringBuilder _content = new(16 * 1024);
    private readonly List<int> _words = new(4096);
    private readonly List<byte> _weights = new(4096);
    private readonly System.Buffers.ArrayBufferWriter<byte> _json = new(32 * 1024);
    private readonly SortedDictionary<string, List<string>> _filters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _meta = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StringBuilder> _anchorText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StringBuilder>.AlternateLookup<ReadOnlySpan<char>> _anchorTextLookup;
    // The anchors' builders, kept for the next page's anchors (an article page has one a paragraph).
    private readonly Stack<StringBuilder> _spareBuilders = new();
    // Each anchor's text, normalized, is a span of _anchorTexts (written into the record, never a string).
    private readonly List<(string Element, string Id, int TextStart, int TextLength, int Location)> _anchors = [];
    private readonly StringBuilder _anchorTexts = new(16 * 1024);
    // The page as Pagefind needs it (PagefindInput.Trim), in the reader's own builder and array, not a string a page.
    private readonly StringBuilder _trimmed = new(32 * 1024);
    private char[] _page = new char[32 * 1024];
    // The tag being read: its attributes, reused from tag to tag.
    private readonly List<(string Name, string Value)> _attributes = new(8);
    // Entities as WebUtility.HtmlDecode decodes them, each worked out once by this reader.
    private readonly Dictionary<string, string> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _entityLookup;
    private string? _autoTitle, _autoPageTitle;
    // The numbers of the words this reader has met: most words of a page were on earlier pages, and a
    // plain dictionary answers sooner than the shared one (its lookups were a tenth of the reading).
    private readonly Dictionary<string, int> _known = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _knownWords;

    /// <summary>A reader for one thread at a time; it keeps its buffers from page to page.</summary>
    public PageReader(Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _knownWords = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        _entityLookup = _entities.GetAlternateLookup<ReadOnlySpan<char>>();
        _anchorTextLookup = _anchorText.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private int Id(ReadOnlySpan<char> word)
    {
        if (_knownWords.TryGetValue(word, out var id)) return id;
        id = _vocabulary.Id(word);
        _knownWords[word] = id;
        return id;
    }

    /// <summary>The page's record, its words numbered in <paramref name="vocabulary"/>; or null, and why it cannot be read here (<paramref name="why"/>).</summary>
    public static SearchPage? Read(string url, string html, Vocabulary vocabulary, out string? why) => new PageReader(vocabulary).Read(url, html, out why);

    /// <summary>The record of a trimmed page (<see cref="PagefindInput.Trim(string)"/>); or null, and why it cannot be read here (<paramref name="why"/>).</summary>
    public SearchPage? Read(string url, string html, out string? why) => Run(url, html, out why);

    /// <summary>The record of a page as the site has it, trimmed first as <see cref="PagefindInput.Trim(string)"/> trims it (into the reader's own buffers).</summary>
    public SearchPage? ReadWhole(string url, string html, out string? why) => ReadWhole(url, html.AsMemory(), out why);

    /// <summary>The same, of a page's text lent as memory (a rendered page's, read without a string made of it).</summary>
    public SearchPage? ReadWhole(string url, ReadOnlyMemory<char> html, out string? why)
    {
        if (!PagefindInput.Trim(html, _trimmed)) return Run(url, html.Span, out why);
        return Run(url, Copied(_trimmed, 0, _trimmed.Length, ref _page), out why);
    }

    private SearchPage? Run(string url, ReadOnlySpan<char> html, out string? why)
    {
        _text.Clear();
        _filters.Clear();
        _meta.Clear();
        foreach (var builder in _anchorText.Values) _spareBuilders.Push(builder.Clear());
        _anchorText.Clear();
        _anchors.Clear();
        _anchorTexts.Clear();
        (_autoTitle, _autoPageTitle) = (null, null);
        why = null;
        var root = new Node("", null, Status.Indexing, 0);
        var current = root;
        var anchorCounter = 0;
        var at = 0;
        while (at < html.Length)
        {
            var lt = PagefindInput.Find(html, '<', at);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > at) Text(current, html[at..textEnd]);
            if (lt < 0) break;
            if (html[lt..].StartsWith("<!", StringComparison.Ordinal))
            {
                var close = PagefindInput.Find(html, '>', lt);
                if (close < 0) return No(out why, "a declaration that does not end");
                at = close + 1;
                continue;
            }
            var end = PagefindInput.Find(html, '>', lt);
            if (end < 0) return No(out why, "a tag that does not end");
            if (html[lt + 1] == '/')
            {
                var name = html.Slice(lt + 2, end - lt - 2).Trim();
                // The trimmed page closes what it opens, in order; anything else is not the page this reads.
                if (current == root || !name.Equals(current.Tag, StringComparison.OrdinalIgnoreCase)) return No(out why, $"an end tag </{name}> that closes no open element");
                var node = current;
                current = node.Parent!;
                End(node, current);
                at = end + 1;
                continue;
            }
            var attributes = _attributes;
            if (!Tag(html, lt, end, out var tag, attributes, out why)) return null;
            at = end + 1;
            foreach (var (attribute, _) in attributes)
                if (attribute.StartsWith("data-pagefind-", StringComparison.Ordinal) && !Modelled.Contains(attribute))
                    return No(out why, $"{attribute} on <{tag}>");
            if (tag is "img" or "input" or "textarea" or "select" or "button" or "script" or "style") return No(out why, $"a <{tag}> element");
            var ignore = Attribute(attributes, "data-pagefind-ignore");
            var status = Attribute(attributes, "data-pagefind-body") is not null ? Status.Body
                : ignore is null ? Status.Indexing
                : ignore.ToLowerInvariant() is "" or "index" or "true" ? Status.Ignored : Status.Excluded;
            string? anchor = null;
            if (status is not Status.Excluded and not Status.Ignored && Attribute(attributes, "id") is { } rawId)
            {
                var id = rawId.AsSpan().IndexOfAny(Whitespace) < 0 ? rawId : Spaces().Replace(rawId, "");
                if (!(current.Status == Status.ParentOfBody && status is not Status.Body and not Status.ParentOfBody))
                {
                    _text.Append(' ').Append(AnchorMark).Append(tag).Append(':').Append(anchorCounter).Append(':').Append(id).Append(' ');
                    anchor = $"{anchorCounter}:{id}";
                    anchorCounter++;
                }
            }
            if (status != Status.Excluded && tag == "br") _text.Append(' ');
            List<string>? anchors = current.Anchors is not null && Inline.Contains(tag) ? [.. current.Anchors] : null;
            if (anchor is not null) (anchors ??= []).Add(anchor);
            var created = new Node(tag, current, current.Status == Status.Excluded ? Status.Excluded : status, _text.Length)
            {
                Filter = Attribute(attributes, "data-pagefind-filter") is { } f ? Names(f, attributes) : null,
                Meta = Attribute(attributes, "data-pagefind-meta") is { } m ? Names(m, attributes) : null,
                Anchors = anchors,
            };
            if (Removed.Contains(tag)) created.Status = Status.Ignored;
            if (Void.Contains(tag))
            {
                End(created, current, closed: false);
                continue;
            }
            // What Pagefind puts before a heading's or a block's text at its end goes in now, before it.
            if (tag is ['h', >= '1' and <= '6']) _text.Append(' ').Append(AutoWeightMark).Append((char)('7' - tag[1] + '1')).Append(' ');
            if (Sentence.Contains(tag)) _text.Append(' ');
            created.ValueStart = _text.Length;
            current = created;
        }
        if (current != root) return No(out why, $"<{current.Tag}> is not closed");
        if (root.Status != Status.ParentOfBody) return No(out why, "no data-pagefind-body element");
        // The first h1 titles the page, else its title element, unless its meta names a title.
        if (!_meta.ContainsKey("title") && (_autoTitle ?? _autoPageTitle) is { } title) _meta["title"] = title;
        return Finish(url);
    }

    private static SearchPage? No(out string? why, string reason)
    {
        why = reason;
        return null;
    }

    private void Text(Node current, ReadOnlySpan<char> text)
    {
        _text.Append(text);
        if (current.Anchors is null) return;
        foreach (var anchor in current.Anchors)
        {
            if (!_anchorText.TryGetValue(anchor, out var builder)) _anchorText[anchor] = builder = _spareBuilders.TryPop(out var spare) ? spare : new StringBuilder();
            builder.Append(text);
        }
    }

    /// <summary>What Pagefind does at an element's end: its filters and meta, then its text handed to its parent (here: kept, or taken out of the buffer).</summary>
    private void End(Node node, Node parent, bool closed = true)
    {
        if (node.Status == Status.Excluded)
        {
            _text.Length = node.Start;
            return;
        }
        if (node.Filter is not null || node.Meta is not null || (closed && node.Tag == "h1" && _autoTitle is null) || (closed && node.Tag == "title" && _autoPageTitle is null))
        {
            // The element's text as a string only when it is asked for: a body element's filter and meta are literals ("kind:article").
            string? value = null;
            var valueLength = _text.Length - node.ValueStart;
            string Value() => value ??= _text.ToString(node.ValueStart, valueLength);
            (string Name, string Value)? Pair(string entry)
            {
                var colon = entry.IndexOf(':');
                if (colon >= 0) return (entry[..colon], entry[(colon + 1)..]);
                return valueLength == 0 ? null : (entry, Value());
            }
            foreach (var filter in node.Filter ?? [])
                if (Pair(filter) is var (filterName, filterValue))
                {
                    if (!_filters.TryGetValue(filterName, out var values)) _filters[filterName] = values = [];
                    values.Add(Normalize(filterValue));
                }
            foreach (var entry in node.Meta ?? [])
                if (Pair(entry) is var (metaName, metaValue)) _meta[metaName] = System.Net.WebUtility.HtmlDecode(metaValue);
            if (closed && node.Tag == "h1" && _autoTitle is null && Value().Trim().Length > 0) _autoTitle = Normalize(Value());
            if (closed && node.Tag == "title" && _autoPageTitle is null) _autoPageTitle = Normalize(Value());
        }
        if (!closed) return;
        if (node.Status == Status.Ignored)
        {
            _text.Length = node.Start;
            return;
        }
        if (Sentence.Contains(node.Tag))
        {
            if (SentenceChar(_text[^1])) _text.Append('.');
            _text.Append(' ');
        }
        if (node.Tag is ['h', >= '1' and <= '6']) _text.Append(' ').Append(EndWeightMark).Append(' ');
        if (parent.Status == Status.ParentOfBody && node.Status is not Status.Body and not Status.ParentOfBody)
        {
            _text.Length = node.Start;
            return;
        }
        if (node.Status is Status.Body or Status.ParentOfBody)
        {
            // The body's text replaces its parent's, unless the parent already holds a body's.
            if (parent.Status != Status.ParentOfBody) _text.Remove(parent.ValueStart, node.Start - parent.ValueStart);
            parent.Status = Status.ParentOfBody;
        }
    }

    /// <summary>Pagefind's parse_attr_string: "a, b[attr], c:literal" read against the element's attributes.</summary>
    private static List<string> Names(string input, List<(string Name, string Value)> attributes)
    {
        var colon = input.IndexOf(':');
        if (colon >= 0)
        {
            var names = Names(input[..colon], attributes);
            if (names.Count > 0) names[^1] = names[^1] + ":" + input[(colon + 1)..];
            return names;
        }
        var result = new List<string>();
        foreach (var raw in input.Split(','))
        {
            var chunk = raw.Trim();
            var match = AttributeMatch().Match(chunk);
            result.Add(match.Success ? $"{match.Groups["name"].Value}:{Attribute(attributes, match.Groups["attribute"].Value) ?? ""}" : chunk);
        }
        return result;
    }

    private static string? Attribute(List<(string Name, string Value)> attributes, string name)
    {
        foreach (var (n, v) in attributes)
            if (n == name) return v;
        return null;
    }

    /// <summary>Pagefind's SENTENCE_CHARS, [\w'"\)\$\*], for the last character of a block.</summary>
    private static bool SentenceChar(char c) =>
        c is '\'' or '"' or ')' or '$' or '*' or '_' || char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;

    /// <summary>
    /// Pagefind's normalize_content: entities decoded, white space at the ends taken off, then
    /// newlines ((\n|\r\n)+) made a space and runs of two or more white space characters one space.
    /// In one pass: a run of two or more becomes a space, and so does a lone \n; any other lone
    /// white space character (a tab, a no-break space) stays.
    /// </summary>
    public static string Normalize(string content)
    {
        var text = content.Contains('&') ? System.Net.WebUtility.HtmlDecode(content) : content;
        // Every paragraph's anchor text comes through here twice: a pooled array, and a string only when the text changed.
        var into = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = Collapse(text, into);
            return text.AsSpan().SequenceEqual(into.AsSpan(0, length)) ? text : new string(into, 0, length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(into);
        }
    }

    /// <summary>The white space of <see cref="Normalize"/>: the ends taken off, a run of two or more or a lone \n made a space; the length written.</summary>
    /// <remarks>Text between white space is copied a run at a time (a char at a time was a tenth of the reading).</remarks>
    private static int Collapse(ReadOnlySpan<char> text, Span<char> into)
    {
        if (Unchanged(text))
        {
            text.CopyTo(into);
            return text.Length;
        }
        var rest = text.Trim(Whitespace);
        var m = 0;
        while (!rest.IsEmpty)
        {
            var word = rest.IndexOfAny(Spacing);
            if (word < 0) word = rest.Length;
            rest[..word].CopyTo(into[m..]);
            m += word;
            rest = rest[word..];
            if (rest.IsEmpty) break;
            // Never all white space: the ends were trimmed.
            var run = rest.IndexOfAnyExcept(Spacing);
            into[m++] = run > 1 || rest[0] == '\n' ? ' ' : rest[0];
            rest = rest[run..];
        }
        return m;
    }

    /// <summary>
    /// Whether <see cref="Collapse"/> leaves the text as it is: no white space at its ends, none but
    /// single spaces inside. Most text is so (a paragraph's words), and is then copied whole: cut word
    /// by word it was a fifth of the reading. Vectorised searches only: the white space set's own
    /// search slows to a char at a time from the first non-ASCII character (a curly quote) on.
    /// </summary>
    private static bool Unchanged(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return true;
        if (Spacing.Contains(text[0]) || Spacing.Contains(text[^1])) return false;
        if (text.IndexOfAnyInRange('\t', '\r') >= 0 || text.IndexOf("  ", StringComparison.Ordinal) >= 0) return false;
        // The rest of the white space is from U+0085 up: each such character is looked at.
        for (var rest = text; ;)
        {
            var at = rest.IndexOfAnyInRange('\u0085', '\uFFFF');
            if (at < 0) return true;
            if (Spacing.Contains(rest[at])) return false;
            rest = rest[(at + 1)..];
        }
    }

    private static bool Tag(ReadOnlySpan<char> html, int lt, int end, out string tag, List<(string Name, string Value)> attributes, out string? why)
    {
        why = null;
        attributes.Clear();
        var i = lt + 1;
        var nameStart = i;
        while (i < end && !char.IsWhiteSpace(html[i]) && html[i] != '/') i++;
        tag = PagefindInput.LowerName(html[nameStart..i]);
        if (tag.Length == 0 || !char.IsAsciiLetter(tag[0]))
        {
            why = "text with a '<' that opens no tag";
            return false;
        }
        while (i < end)
        {
            var c = html[i];
            if (char.IsWhiteSpace(c) || c == '/') { i++; continue; }
            var attrStart = i;
            while (i < end && !char.IsWhiteSpace(html[i]) && html[i] is not '=' and not '/') i++;
            var name = PagefindInput.LowerName(html[attrStart..i]);
            var value = "";
            if (i < end && html[i] == '=')
            {
                i++;
                if (i < end && html[i] == '"')
                {
                    var close = PagefindInput.Find(html, '"', i + 1);
                    if (close < 0 || close > end)
                    {
                        why = "an attribute value with a '>' in it";
                        return false;
                    }
                    var raw = html[(i + 1)..close];
                    value = raw.Contains('&') ? System.Net.WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
                    i = close + 1;
                }
                else
                {
                    why = "an attribute value without double quotes";
                    return false;
                }
            }
            attributes.Add((name, value));
        }
        return true;
    }

    private SearchPage Finish(string url)
    {
        // Markers of Pagefind's own never reach filters or meta (tidy_meta_and_filters).
        static string Tidy(string value) => value.Contains("___PAGEFIND_", StringComparison.Ordinal) ? PrivateMarks().Replace(value, "") : value;
        foreach (var values in _filters.Values)
            for (var k = 0; k < values.Count; k++) values[k] = Tidy(values[k]);
        foreach (var key in _meta.Keys.ToList()) _meta[key] = Tidy(_meta[key]);
        var digest = DecodedText();
        var content = _content.Clear();
        var words = _words;
        var weights = _weights;
        words.Clear();
        weights.Clear();
        var stack = new Stack<byte>();
        stack.Push(24);
        // Zero-width spaces are rare: looked for once in the page, then in a word only when the page has any.
        var zeroWidth = digest.Contains('\u200B');
        for (var at = 0; at < digest.Length;)
        {
            while (at < digest.Length && char.IsWhiteSpace(digest[at])) at++;
            var from = at;
            while (at < digest.Length && !char.IsWhiteSpace(digest[at])) at++;
            var word = digest[from..at];
            if (word.IsEmpty) continue;
            if (word[0] == '_')
            {
                if (word.StartsWith(AnchorMark, StringComparison.Ordinal))
                {
                    // The mark taken out (everywhere in the word, as Pagefind's replace does): read as a span, a string only when it is there twice.
                    var rest = word[AnchorMark.Length..];
                    if (rest.Contains(AnchorMark, StringComparison.Ordinal)) rest = word.ToString().Replace(AnchorMark, "", StringComparison.Ordinal);
                    var colon = rest.IndexOf(':');
                    if (colon >= 0)
                    {
                        var anchorId = rest[(colon + 1)..];
                        var idColon = anchorId.IndexOf(':');
                        if (idColon >= 0)
                        {
                            var textStart = _anchorTexts.Length;
                            // Normalize(Normalize(text)), as Pagefind's anchors are, in the reader's arrays.
                            if (_anchorTextLookup.TryGetValue(anchorId, out var t)) _anchorTexts.Append(NormalizeTwice(t));
                            _anchors.Add((PagefindInput.LowerName(rest[..colon]), anchorId[(idColon + 1)..].ToString(), textStart, _anchorTexts.Length - textStart, words.Count));
                        }
                    }
                    continue;
                }
                if (word.StartsWith(AutoWeightMark, StringComparison.Ordinal))
                {
                    var w = float.TryParse(word[AutoWeightMark.Length..], System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 1f;
                    stack.Push(stack.Count == 1 ? (byte)(Math.Clamp(w, 0f, 10f) * 24f) : stack.Peek());
                    continue;
                }
                if (word.StartsWith(EndWeightMark, StringComparison.Ordinal))
                {
                    if (stack.Count > 0) stack.Pop();
                    continue;
                }
            }
            if (zeroWidth && word.Contains('\u200B'))
            {
                var stripped = word.ToString().Replace("\u200B", "", StringComparison.Ordinal);
                if (stripped.Length == 0) continue;
                word = stripped;
            }
            content.Append(word).Append(' ');
            words.Add(Id(word));
            weights.Add(stack.Count > 0 ? stack.Peek() : (byte)1);
        }
        if (content.Length > 0 && content[^1] == ' ') content.Length--;
        var metaWords = new int[_meta.Count][];
        var field = 0;
        var ids = new List<int>();
        foreach (var value in _meta.Values)
        {
            ids.Clear();
            var span = value.AsSpan();
            for (var at = 0; at < span.Length;)
            {
                while (at < span.Length && char.IsWhiteSpace(span[at])) at++;
                var from = at;
                while (at < span.Length && !char.IsWhiteSpace(span[at])) at++;
                if (at > from) ids.Add(Id(span[from..at]));
            }
            metaWords[field++] = [.. ids];
        }
        var wordCount = words.Count == 0 ? 1 : words.Count;
        return new SearchPage(url, Fragment(url, wordCount), wordCount, Kept.Copy(words), Kept.Copy(weights),
            _filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value], StringComparer.Ordinal), [.. _meta.Keys], metaWords);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A page's record as Pagefind writes it (its fragment): address, text, word count, filters, meta, anchors.</summary>
    private byte[] Fragment(string url, int wordCount)
    {
        _json.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("url", url);
            json.WriteString("content", Copied(_content, 0, _content.Length, ref _contentCopy));
            json.WriteNumber("word_count", wordCount);
            json.WriteStartObject("filters");
            foreach (var (filter, values) in _filters)
            {
                json.WriteStartArray(filter);
                foreach (var value in values) json.WriteStringValue(value);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartObject("meta");
            foreach (var (key, value) in _meta) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStartArray("anchors");
            foreach (var (element, id, textStart, textLength, location) in _anchors)
            {
                json.WriteStartObject();
                json.WriteString("element", element);
                json.WriteString("id", id);
                json.WriteString("text", Copied(_anchorTexts, textStart, textLength, ref _anchorCopy));
                json.WriteNumber("location", location);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Kept.Copy(_json.WrittenSpan);
    }

    private char[] _contentCopy = new char[32 * 1024], _anchorCopy = new char[4096];
    private char[] _raw = new char[32 * 1024], _decoded = new char[32 * 1024];

    /// <summary>
    /// The page's text with its entities decoded, in the reader's own arrays. Pagefind cuts
    /// <see cref="Normalize"/> of it at white space; normalizing only trims the ends and changes white
    /// space into white space, so the words are the same without it (it was a fifth of the reading).
    /// </summary>
    private ReadOnlySpan<char> DecodedText()
    {
        return Decode(Copied(_text, 0, _text.Length, ref _raw), ref _decoded);
    }

    private char[] _anchorRaw = new char[4096], _anchorDecoded = new char[4096], _anchorDigest = new char[4096];

    /// <summary>Normalize(Normalize(text)) of an anchor's text, in the reader's own arrays.</summary>
    private ReadOnlySpan<char> NormalizeTwice(StringBuilder text)
    {
        var once = Decode(Copied(text, 0, text.Length, ref _anchorRaw), ref _anchorDecoded);
        if (_anchorDigest.Length < once.Length) _anchorDigest = new char[once.Length * 2];
        var collapsed = Collapse(once, _anchorDigest);
        // The second pass reads the first's result: decoded from the digest into the raw array, collapsed into the digest.
        var twice = Decode(_anchorDigest.AsSpan(0, collapsed), ref _anchorRaw);
        if (twice.Length > _anchorDigest.Length) _anchorDigest = new char[twice.Length * 2];
        return _anchorDigest.AsSpan(0, Collapse(twice, _anchorDigest));
    }

    /// <summary>
    /// The text with its entities decoded as <see cref="System.Net.WebUtility.HtmlDecode(string)"/> decodes
    /// a whole text: each '&amp;' up to its ';', one at a time; into <paramref name="into"/>, or the
    /// text itself when it has none. Each distinct entity is decoded once by this reader.
    /// </summary>
    private ReadOnlySpan<char> Decode(ReadOnlySpan<char> raw, ref char[] into)
    {
        if (!raw.Contains('&')) return raw;
        if (into.Length < raw.Length) into = new char[raw.Length * 2];
        var n = 0;
        void Put(ReadOnlySpan<char> part, ref char[] buffer)
        {
            if (n + part.Length > buffer.Length) System.Array.Resize(ref buffer, (n + part.Length) * 2);
            part.CopyTo(buffer.AsSpan(n));
            n += part.Length;
        }
        for (var i = 0; i < raw.Length;)
        {
            // The text up to the next entity copied at once (char by char, this was a twentieth of the reading).
            var plain = raw[i..].IndexOf('&');
            var length = plain < 0 ? raw.Length - i : plain;
            Put(raw.Slice(i, length), ref into);
            i += length;
            if (i == raw.Length) break;
            var semi = raw.Slice(i, Math.Min(40, raw.Length - i)).IndexOf(';');
            if (semi > 0)
            {
                var entity = raw.Slice(i, semi + 1);
                if (!_entityLookup.TryGetValue(entity, out var text))
                {
                    var whole = entity.ToString();
                    _entities[whole] = text = System.Net.WebUtility.HtmlDecode(whole);
                }
                if (!entity.SequenceEqual(text))
                {
                    Put(text, ref into);
                    i += semi + 1;
                    continue;
                }
            }
            // An ampersand that starts no entity stays as it is.
            Put(raw.Slice(i, 1), ref into);
            i++;
        }
        return into.AsSpan(0, n);
    }


    /// <summary>Part of a builder copied into one of the reader's arrays (made larger when too small), as a span: read without a string made of it.</summary>
    private static ReadOnlySpan<char> Copied(StringBuilder from, int start, int length, ref char[] into)
    {
        if (into.Length < length) into = new char[length * 2];
        from.CopyTo(start, into, length);
        return into.AsSpan(0, length);
    }

    /// <summary>The same, to search for (what <see cref="char.IsWhiteSpace(char)"/> says is white space, too).</summary>
    private static readonly System.Buffers.SearchValues<char> Spacing = System.Buffers.SearchValues.Create(Whitespace);

    /// <summary>Unicode white space, as Rust's split_whitespace splits on it.</summary>
    private static ReadOnlySpan<char> Whitespace => "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    [GeneratedRegex(@"\s")] private static partial Regex Spaces();
    [GeneratedRegex(@"^\s*(?<name>[^:\[\]]+)\[(?<attribute>.+)\]\s*$")] private static partial Regex AttributeMatch();
    [GeneratedRegex(@"___PAGEFIND_[\S]+\s?")] private static partial Regex PrivateMarks();
}
