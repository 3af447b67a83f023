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
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>The page as Pagefind needs it, or the page itself when it cannot be trimmed safely.</summary>
    public static string Trim(string html)
    {
        var body = html.IndexOf("data-pagefind-body", StringComparison.Ordinal);
        if (body < 0 || html.IndexOf("data-pagefind-body", body + 1, StringComparison.Ordinal) >= 0) return html;
        var start = html.LastIndexOf('<', body);
        // Before the body: nothing Pagefind reads but the title, and no heading (its first h1 titles the page).
        if (start < 0 || html.IndexOf(Marker, 0, start, StringComparison.Ordinal) >= 0 || html.IndexOf("<h1", 0, start, StringComparison.OrdinalIgnoreCase) >= 0) return html;
        var output = new StringBuilder(html.Length / 3);
        output.Append("<!DOCTYPE html><html");
        if (Lang(html) is { } lang) output.Append(" lang=\"").Append(lang).Append('"');
        output.Append("><head>");
        var title = html.IndexOf("<title>", StringComparison.Ordinal);
        var titleEnd = title < 0 || title > start ? -1 : html.IndexOf("</title>", title, StringComparison.Ordinal);
        if (titleEnd > 0) output.Append(html, title, titleEnd + "</title>".Length - title);
        output.Append("</head><body>");
        var end = new Trimmer(html, output).Run(start);
        if (end < 0 || html.IndexOf(Marker, end, StringComparison.Ordinal) >= 0) return html;
        output.Append("</body></html>");
        return output.ToString();
    }

    private static string? Lang(string html)
    {
        var tag = html.IndexOf("<html", StringComparison.Ordinal);
        if (tag < 0) return null;
        var close = html.IndexOf('>', tag);
        var lang = close < 0 ? -1 : html.IndexOf("lang=\"", tag, close - tag, StringComparison.Ordinal);
        if (lang < 0) return null;
        lang += "lang=\"".Length;
        var quote = html.IndexOf('"', lang);
        return quote < 0 ? null : html[lang..quote];
    }

    /// <summary>One pass over the body element, writing what Pagefind needs of it.</summary>
    private sealed class Trimmer(string html, StringBuilder output)
    {
        // Open elements: their names, and whether their tags were written.
        private readonly Stack<(string Name, bool Written)> _open = new();

        /// <returns>Where the body element ends in the page, or -1 if it does not.</returns>
        public int Run(int at)
        {
            var skipFrom = -1;
            var skipDepth = -1;
            var skipCounts = false;
            while (at < html.Length)
            {
                var lt = html.IndexOf('<', at);
                if (lt < 0) return -1;
                if (skipFrom < 0) output.Append(html, at, lt - at);
                var tag = Tag.Read(html, lt);
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
                    var close = html.IndexOf("</" + tag.Name, at, StringComparison.OrdinalIgnoreCase);
                    var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                    if (closeEnd < 0) return -1;
                    output.Append(html, lt, closeEnd + 1 - lt);
                    at = closeEnd + 1;
                    continue;
                }
                if (_open.Count > 0 && (Dropped.Contains(tag.Name) || tag.Has("data-pagefind-ignore")))
                {
                    // Its own filter or meta still counts when it is ignored (a hidden speaker filter).
                    var counts = tag.Attributes.Exists(a => a.Name.StartsWith(Marker, StringComparison.Ordinal) && a.Name != "data-pagefind-ignore");
                    if (tag.Name is "script" or "style")
                    {
                        // Raw text, never tags: to its end tag at once.
                        var close = html.IndexOf("</" + tag.Name, at, StringComparison.OrdinalIgnoreCase);
                        var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
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
                var kept = tag.Name == "img" ? tag.Text : tag.Kept();
                var unwrap = kept is null && _open.Count > 0 && Unwrapped.Contains(tag.Name);
                if (!unwrap) output.Append(kept ?? "<" + tag.Name + ">");
                if (!isVoid) _open.Push((tag.Name, !unwrap));
            }
            return -1;
        }

        /// <summary>An ignored element ends: it goes, unless something in it still counts (a filter or meta), when it is kept as it was.</summary>
        private void EndSkip(int from, bool counts, int end)
        {
            if (counts || Counts(html.IndexOf('>', from) + 1, end)) output.Append(html, from, end - from);
        }

        /// <summary>Whether a data-pagefind attribute other than an ignore is in this part of the page.</summary>
        private bool Counts(int from, int end)
        {
            for (var at = html.IndexOf(Marker, from, end - from, StringComparison.Ordinal); at >= 0; at = html.IndexOf(Marker, at + 1, end - at - 1, StringComparison.Ordinal))
                if (string.CompareOrdinal(html, at, "data-pagefind-ignore", 0, "data-pagefind-ignore".Length) != 0) return true;
            return false;
        }

        /// <summary>Closes the innermost open element of this name (and any left open inside it); false if none is open.</summary>
        private bool Close(string name, out bool written)
        {
            written = false;
            if (!_open.Any(e => e.Name == name)) return false;
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

    /// <summary>One tag of the page, as far as the trimming needs it.</summary>
    private sealed class Tag
    {
        public required string Name { get; init; }
        public required string Text { get; init; }
        public required int End { get; init; }
        public bool Closing { get; init; }
        public bool SelfClosing { get; init; }
        public bool IsComment { get; init; }
        public List<(string Name, string Value)> Attributes { get; } = [];

        public bool Has(string attribute) => Attributes.Exists(a => a.Name == attribute);

        /// <summary>The tag with only what Pagefind reads (id, lang, its own attributes and those they name); null when that is nothing.</summary>
        public string? Kept()
        {
            StringBuilder? kept = null;
            foreach (var (name, value) in Attributes)
            {
                if (!Read(name)) continue;
                kept ??= new StringBuilder("<").Append(Name);
                kept.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
            }
            return kept?.Append('>').ToString();
        }

        private bool Read(string attribute) =>
            attribute is "id" or "lang" || attribute.StartsWith(Marker, StringComparison.Ordinal)
            // data-pagefind-filter="article[data-title]" reads data-title.
            || Attributes.Exists(a => a.Name.StartsWith(Marker, StringComparison.Ordinal) && a.Value.Contains("[" + attribute + "]", StringComparison.Ordinal));

        /// <summary>The tag at <paramref name="lt"/>, or null when the '&lt;' there opens no tag (it is text).</summary>
        public static Tag? Read(string html, int lt)
        {
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                return new Tag { Name = "", Text = "", End = end < 0 ? html.Length : end + 3, IsComment = true };
            }
            var i = lt + 1;
            var closing = i < html.Length && html[i] == '/';
            if (closing) i++;
            if (i >= html.Length || !char.IsAsciiLetter(html[i]))
            {
                if (i < html.Length && (html[i] == '!' || html[i] == '?'))
                {
                    var end = html.IndexOf('>', i);
                    return new Tag { Name = "", Text = "", End = end < 0 ? html.Length : end + 1, IsComment = true };
                }
                return null;
            }
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '>' and not '/') i++;
            var name = html[nameStart..i].ToLowerInvariant();
            var tag = new List<(string, string)>();
            var selfClosing = false;
            while (i < html.Length && html[i] != '>')
            {
                var c = html[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '/') { selfClosing = true; i++; continue; }
                selfClosing = false;
                var attrStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '=' and not '>' and not '/') i++;
                var attr = html[attrStart..i].ToLowerInvariant();
                var value = "";
                if (i < html.Length && html[i] == '=')
                {
                    i++;
                    if (i < html.Length && html[i] is '"' or '\'')
                    {
                        var quote = html[i];
                        var close = html.IndexOf(quote, i + 1);
                        if (close < 0) return null;
                        value = html[(i + 1)..close];
                        i = close + 1;
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                        value = html[valueStart..i];
                    }
                }
                // Written back between double quotes, so a double quote in a single-quoted value is escaped.
                tag.Add((attr, value.Replace("\"", "&quot;", StringComparison.Ordinal)));
            }
            if (i >= html.Length) return null;
            var result = new Tag { Name = name, Text = html[lt..(i + 1)], End = i + 1, Closing = closing, SelfClosing = selfClosing };
            result.Attributes.AddRange(tag);
            return result;
        }
    }
}
