using System.Collections.Frozen;
using System.Text;

namespace CaseRecord.Search;

/// <summary>
/// A page as Pagefind needs to read it: its <c>data-pagefind-body</c> element, with the markup
/// Pagefind would parse only to pass over taken out, so that it makes the same record (the same
/// words, anchors, filters and meta) from a page a third the size. Pagefind's parser visits every
/// element (attributes, a node, selector checks) and that, not the words, was most of its time:
/// the article pages' links, quotation marks and spans, the figure table's chrome, and the
/// quotations and mentions the speaker and organisation pages list but are not indexed for.
/// </summary>
/// <remarks>
/// What is kept follows Pagefind's parser (pagefind/src/fossick/parser.rs, 1.x): an inline
/// element (its list) adds nothing of its own, so one without an id or data-pagefind attribute
/// is replaced by its content; an element Pagefind ignores (data-pagefind-ignore, or one of the
/// elements it always drops: svg, nav, footer, …) goes whole unless something in it still counts
/// (a filter or meta), in which case it is kept as it was; other elements keep only the
/// attributes Pagefind reads. A page that does not fit what this knows (no body element, or
/// data-pagefind attributes outside it) is given whole.
/// </remarks>
public static class PagefindInput
{
    private const string Marker = "data-pagefind-";

    // Pagefind's INLINE_SELECTORS less those it drops (label, script) or reads (br adds a space; img, input and the form controls have attributes or no content).
    private static readonly HashSet<string> Unwrapped = new(StringComparer.Ordinal)
    {
        "a", "abbr", "acronym", "b", "bdo", "big", "cite", "code", "dfn", "em", "i", "kbd", "map", "object",
        "output", "q", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "var",
    };

    // Pagefind's REMOVE_SELECTORS: never indexed, whatever they hold.
    internal static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template",
    };

    internal static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>The page as Pagefind needs it, or the page itself when it cannot be trimmed safely.</summary>
    public static string Trim(string html)
    {
        var output = new StringBuilder(html.Length / 3);
        return Trim(html.AsMemory(), output) ? output.ToString() : html;
    }

    /// <summary>The same, of a page's text lent as memory (a rendered page's, without a string of its own).</summary>
    public static string Trim(ReadOnlyMemory<char> html)
    {
        var output = new StringBuilder(html.Length / 3);
        return Trim(html, output) ? output.ToString() : html.ToString();
    }

    /// <summary>Writes the page as Pagefind needs it into <paramref name="output"/> (cleared first); false when it cannot be trimmed safely and is to be read whole.</summary>
    /// <remarks>
    /// The generator's own reader trims into a builder it keeps from page to page, so a page's
    /// trimmed copy is never a string of its own; and the page is read as memory, so a rendered page
    /// lent by the build (a buffer of the render's) is read without a copy: at 10,000 articles the
    /// copies were 450 MB of the search's allocations.
    /// </remarks>
    public static bool Trim(ReadOnlyMemory<char> page, StringBuilder output)
    {
        output.Clear();
        var html = page.Span;
        var body = html.IndexOf("data-pagefind-body", StringComparison.Ordinal);
        if (body < 0 || Find(html, "data-pagefind-body", body + 1) >= 0) return false;
        var start = html[..body].LastIndexOf('<');
        // Before the body: nothing Pagefind reads but the title, and no heading (its first h1 titles the page).
        if (start < 0 || html[..start].IndexOf(Marker, StringComparison.Ordinal) >= 0 || HasH1(html[..start])) return false;
        output.Append("<!DOCTYPE html><html");
        if (Lang(html) is { } lang) output.Append(" lang=\"").Append(lang).Append('"');
        output.Append("><head>");
        var title = html.IndexOf("<title>", StringComparison.Ordinal);
        var titleEnd = title < 0 || title > start ? -1 : Find(html, "</title>", title);
        if (titleEnd > 0) output.Append(html.Slice(title, titleEnd + "</title>".Length - title));
        output.Append("</head><body>");
        var end = new Trimmer(page, output).Run(start);
        if (end < 0 || Find(page.Span, Marker, end) >= 0) return false;
        output.Append("</body></html>");
        return true;
    }

    /// <summary>Whether an h1 tag opens in this part of the page, in either case.</summary>
    /// <remarks>Two ordinal searches, not one that ignores case: with invariant globalization that one is a char-by-char loop, and over every page's head it was 6 % of the search's reading.</remarks>
    private static bool HasH1(ReadOnlySpan<char> html) => html.IndexOf("<h1", StringComparison.Ordinal) >= 0 || html.IndexOf("<H1", StringComparison.Ordinal) >= 0;

    /// <summary>A tag's or attribute's name in lower case; the common ones without a new string.</summary>
    internal static string LowerName(ReadOnlySpan<char> name) => Tag.Lower(name);

    private static string? Lang(ReadOnlySpan<char> html)
    {
        var tag = html.IndexOf("<html", StringComparison.Ordinal);
        if (tag < 0) return null;
        var close = Find(html, '>', tag);
        var lang = close < 0 ? -1 : html[tag..close].IndexOf("lang=\"", StringComparison.Ordinal);
        if (lang < 0) return null;
        lang += tag + "lang=\"".Length;
        var quote = Find(html, '"', lang);
        return quote < 0 ? null : html[lang..quote].ToString();
    }

    /// <summary>Where <paramref name="c"/> is first found from <paramref name="from"/> on, or -1 (string.IndexOf of a span); the page reader's too.</summary>
    internal static int Find(ReadOnlySpan<char> text, char c, int from)
    {
        var at = text[from..].IndexOf(c);
        return at < 0 ? -1 : from + at;
    }

    private static int Find(ReadOnlySpan<char> text, string value, int from, StringComparison comparison = StringComparison.Ordinal)
    {
        var at = text[from..].IndexOf(value, comparison);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>One pass over the body element, writing what Pagefind needs of it.</summary>
    private sealed class Trimmer(ReadOnlyMemory<char> page, StringBuilder output)
    {
        // Open elements: their names, and whether their tags were written.
        private readonly Stack<(string Name, bool Written)> _open = new();
        // One tag read at a time, its object and attribute list reused (a page has hundreds).
        private readonly Tag _tag = new(page);

        /// <returns>Where the body element ends in the page, or -1 if it does not.</returns>
        public int Run(int at)
        {
            var skipFrom = -1;
            var skipDepth = -1;
            var skipCounts = false;
            var html = page.Span;
            while (at < html.Length)
            {
                var lt = Find(html, '<', at);
                if (lt < 0) return -1;
                if (skipFrom < 0) output.Append(html[at..lt]);
                var tag = _tag.Read(lt) ? _tag : null;
                if (tag is null)
                {
                    if (skipFrom < 0) output.Append('<');
                    at = lt + 1;
                    continue;
                }
                at = tag.End;
                if (tag.IsComment) continue;
                if (tag.Closing)
                {
                    if (!Close(tag.Name, out var written)) continue;
                    if (skipFrom >= 0 && _open.Count == skipDepth)
                    {
                        EndSkip(skipFrom, skipCounts, at);
                        skipFrom = -1;
                    }
                    else if (skipFrom < 0 && written) output.Append("</").Append(tag.Name).Append('>');
                    if (_open.Count == 0) return at;
                    continue;
                }
                var isVoid = Void.Contains(tag.Name) || tag.SelfClosing;
                if (skipFrom >= 0)
                {
                    if (!isVoid) _open.Push((tag.Name, false));
                    continue;
                }
                if (tag.Name is "textarea" or "title")
                {
                    // Raw text: kept whole, as Pagefind reads it.
                    var close = Find(html, "</" + tag.Name, at, StringComparison.OrdinalIgnoreCase);
                    var closeEnd = close < 0 ? -1 : Find(html, '>', close);
                    if (closeEnd < 0) return -1;
                    output.Append(html[lt..(closeEnd + 1)]);
                    at = closeEnd + 1;
                    continue;
                }
                if (_open.Count > 0 && (Dropped.Contains(tag.Name) || tag.Has("data-pagefind-ignore")))
                {
                    // Its own filter or meta still counts when it is ignored (a hidden speaker filter).
                    var counts = tag.HasMarkerOtherThanIgnore();
                    if (tag.Name is "script" or "style")
                    {
                        // Raw text, never tags: to its end tag at once.
                        var close = Find(html, "</" + tag.Name, at, StringComparison.OrdinalIgnoreCase);
                        var closeEnd = close < 0 ? -1 : Find(html, '>', close);
                        if (closeEnd < 0) return -1;
                        at = closeEnd + 1;
                        EndSkip(lt, counts, at);
                        continue;
                    }
                    if (isVoid)
                    {
                        if (counts) output.Append(tag.Text);
                        continue;
                    }
                    (skipFrom, skipCounts) = (lt, counts);
                    _open.Push((tag.Name, false));
                    skipDepth = _open.Count - 1;
                    continue;
                }
                if (tag.Has("data-pagefind-index-attrs"))
                {
                    // Indexes attributes it names: kept as it is.
                    output.Append(tag.Text);
                    if (!isVoid) _open.Push((tag.Name, true));
                    continue;
                }
                var kept = tag.Name == "img" || tag.KeepsAny();
                var unwrap = !kept && _open.Count > 0 && Unwrapped.Contains(tag.Name);
                if (!unwrap)
                {
                    if (tag.Name == "img") output.Append(html[lt..tag.End]);
                    else tag.AppendKept(output);
                }
                if (!isVoid) _open.Push((tag.Name, !unwrap));
            }
            return -1;
        }

        /// <summary>An ignored element ends: it goes, unless something in it still counts (a filter or meta), when it is kept as it was.</summary>
        private void EndSkip(int from, bool counts, int end)
        {
            var html = page.Span;
            if (counts || Counts(html, Find(html, '>', from) + 1, end)) output.Append(html[from..end]);
        }

        /// <summary>Whether a data-pagefind attribute other than an ignore is in this part of the page.</summary>
        private static bool Counts(ReadOnlySpan<char> html, int from, int end)
        {
            for (var at = Find(html[..end], Marker, from); at >= 0; at = Find(html[..end], Marker, at + 1))
                if (!html[at..].StartsWith("data-pagefind-ignore", StringComparison.Ordinal)) return true;
            return false;
        }

        private bool IsOpen(string name)
        {
            // A loop rather than Any(): a closure and an enumerator for every end tag of every page was a tenth of the search's allocations.
            foreach (var (open, _) in _open)
                if (open == name) return true;
            return false;
        }

        /// <summary>Closes the innermost open element of this name (and any left open inside it); false if none is open.</summary>
        private bool Close(string name, out bool written)
        {
            written = false;
            if (!IsOpen(name)) return false;
            while (_open.Pop() is var (open, wasWritten))
            {
                if (open == name)
                {
                    written = wasWritten;
                    return true;
                }
                if (wasWritten) output.Append("</").Append(open).Append('>');
            }
            return true;
        }
    }

    /// <summary>One tag of the page, as far as the trimming needs it: its name, and where its attributes' names and values are in the page (strings are made only of what is kept).</summary>
    private sealed class Tag
    {
        private readonly ReadOnlyMemory<char> _html;
        private int _start;
        private readonly List<(string Name, int ValueStart, int ValueLength)> _attributes = [];

        public Tag(ReadOnlyMemory<char> html) => _html = html;

        public string Name { get; private set; } = "";
        public int End { get; private set; }
        public bool Closing { get; private set; }
        public bool SelfClosing { get; private set; }
        public bool IsComment { get; private set; }

        private bool Set(int start, string name, int end, bool closing = false, bool selfClosing = false, bool comment = false)
        {
            (_start, Name, End, Closing, SelfClosing, IsComment) = (start, name, end, closing, selfClosing, comment);
            return true;
        }

        /// <summary>The tag as it stands in the page.</summary>
        public ReadOnlySpan<char> Text => _html.Span[_start..End];

        public bool Has(string attribute)
        {
            foreach (var a in _attributes)
                if (a.Name == attribute) return true;
            return false;
        }

        public bool HasMarkerOtherThanIgnore()
        {
            foreach (var a in _attributes)
                if (a.Name.StartsWith(Marker, StringComparison.Ordinal) && a.Name != "data-pagefind-ignore") return true;
            return false;
        }

        /// <summary>Whether any attribute is one Pagefind reads (id, lang, its own and those they name).</summary>
        public bool KeepsAny()
        {
            foreach (var a in _attributes)
                if (Read(a.Name)) return true;
            return false;
        }

        /// <summary>Writes the tag with only what Pagefind reads.</summary>
        public void AppendKept(StringBuilder output)
        {
            output.Append('<').Append(Name);
            foreach (var (name, valueStart, valueLength) in _attributes)
            {
                if (!Read(name)) continue;
                output.Append(' ').Append(name).Append("=\"");
                var value = _html.Span.Slice(valueStart, valueLength);
                // Written back between double quotes, so a double quote in a single-quoted or bare value is escaped.
                if (value.Contains('"')) output.Append(value.ToString().Replace("\"", "&quot;", StringComparison.Ordinal));
                else output.Append(value);
                output.Append('"');
            }
            output.Append('>');
        }

        private bool Read(string attribute)
        {
            if (attribute is "id" or "lang" || attribute.StartsWith(Marker, StringComparison.Ordinal)) return true;
            // data-pagefind-filter="article[data-title]" reads data-title.
            foreach (var a in _attributes)
            {
                if (!a.Name.StartsWith(Marker, StringComparison.Ordinal)) continue;
                var value = _html.Span.Slice(a.ValueStart, a.ValueLength);
                for (var at = value.IndexOf(attribute.AsSpan()); at >= 0; at = Next(value, attribute, at))
                    if (at > 0 && value[at - 1] == '[' && at + attribute.Length < value.Length && value[at + attribute.Length] == ']') return true;
            }
            return false;

            static int Next(ReadOnlySpan<char> value, string attribute, int at)
            {
                var next = value[(at + 1)..].IndexOf(attribute.AsSpan());
                return next < 0 ? -1 : at + 1 + next;
            }
        }

        /// <summary>Reads the tag at <paramref name="lt"/> into this object; false when the '&lt;' there opens no tag (it is text).</summary>
        public bool Read(int lt)
        {
            var html = _html.Span;
            _attributes.Clear();
            if (html[lt..].StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = Find(html, "-->", lt + 4);
                return Set(lt, "", end < 0 ? html.Length : end + 3, comment: true);
            }
            var i = lt + 1;
            var closing = i < html.Length && html[i] == '/';
            if (closing) i++;
            if (i >= html.Length || !char.IsAsciiLetter(html[i]))
            {
                if (i < html.Length && (html[i] == '!' || html[i] == '?'))
                {
                    var end = Find(html, '>', i);
                    return Set(lt, "", end < 0 ? html.Length : end + 1, comment: true);
                }
                return false;
            }
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '>' and not '/') i++;
            var name = Lower(html[nameStart..i]);
            var attributes = _attributes;
            var selfClosing = false;
            while (i < html.Length && html[i] != '>')
            {
                var c = html[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '/') { selfClosing = true; i++; continue; }
                selfClosing = false;
                var attrStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '=' and not '>' and not '/') i++;
                var attr = Lower(html[attrStart..i]);
                var (valueStart, valueLength) = (i, 0);
                if (i < html.Length && html[i] == '=')
                {
                    i++;
                    if (i < html.Length && html[i] is '"' or '\'')
                    {
                        var quote = html[i];
                        var close = Find(html, quote, i + 1);
                        if (close < 0) return false;
                        (valueStart, valueLength) = (i + 1, close - i - 1);
                        i = close + 1;
                    }
                    else
                    {
                        var start = i;
                        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                        (valueStart, valueLength) = (start, i - start);
                    }
                }
                attributes.Add((attr, valueStart, valueLength));
            }
            if (i >= html.Length) return false;
            return Set(lt, name, i + 1, closing, selfClosing);
        }

        /// <summary>A name in lower case, the page's common ones without a new string each time.</summary>
        internal static string Lower(ReadOnlySpan<char> name)
        {
            if (KnownNames.TryGetValue(name, out var known)) return known;
            return name.ToString().ToLowerInvariant();
        }

        private static readonly System.Collections.Frozen.FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
            new[]
            {
                "a", "abbr", "article", "aside", "b", "body", "br", "caption", "cite", "code", "dd", "div", "dl", "dt", "em", "figure", "footer",
                "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "img", "li", "link", "main", "meta", "nav", "ol", "p", "q",
                "script", "section", "small", "span", "strong", "style", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "title",
                "tr", "ul", "button", "form", "input", "label", "noscript", "svg", "path", "template", "iframe", "details", "summary", "mark", "blockquote",
                "id", "class", "href", "lang", "rel", "title", "aria-label", "aria-labelledby", "aria-hidden", "aria-current", "role", "scope", "datetime",
                "data-card", "data-quote", "data-title", "data-base", "data-pagefind-body", "data-pagefind-ignore", "data-pagefind-filter",
                "data-pagefind-meta", "hidden", "src", "alt", "type", "name", "content", "charset", "hreflang", "colspan", "rowspan", "defer",
            }.Distinct().ToFrozenDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
