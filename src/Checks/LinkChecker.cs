using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Checks;

/// <summary>
/// Checks links page by page as pages are made, keeping only what is needed once the page itself
/// is gone: each page's element ids, and each distinct <c>page#fragment</c> some page links to
/// before that page is made (with its first place), so a site far larger than memory can be
/// checked while it streams to disk.
/// </summary>
/// <remarks>
/// A fragment is checked as soon as its page's ids are known: a page's links to itself (every
/// page's skip link) at once, links to a page made earlier (the article anchors that key figures,
/// speakers and the timeline point at) when found. Holding every distinct target and fragment
/// until the end instead was 310,000 entries and 45 MB at 10,000 articles.
/// </remarks>
/// <param name="exists">Whether the output will have a file at a path (every path is known before any page is rendered).</param>
/// <param name="idsOf">Ids of a page that was not scanned (an incremental build's unchanged pages).</param>
/// <param name="existsSpan">The same as <paramref name="exists"/> for a path in characters, where the paths can be looked up so; without it every link is worked out as a string.</param>
public sealed class LinkChecker(
    Func<string, bool> exists, SiteSettings settings, Func<string, IEnumerable<string>?>? idsOf = null, LinkChecker.PathExists? existsSpan = null)
{
    /// <summary>Whether the output will have a file at a path given in characters.</summary>
    public delegate bool PathExists(ReadOnlySpan<char> path);

    /// <summary>A set's own test for a path in characters, for <c>existsSpan</c>.</summary>
    public static PathExists In(HashSet<string> paths)
    {
        var lookup = paths.GetAlternateLookup<ReadOnlySpan<char>>();
        return path => lookup.Contains(path);
    }

    private readonly ConcurrentDictionary<string, PageIds> _ids = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, PageIds>.AlternateLookup<ReadOnlySpan<char>> IdsByPath => _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A page's ids: an array for the usual few dozen (least memory for 100,000 pages), a set for a
    /// page of thousands (an article of 70,000 quotations, whose speaker's 350 pages of 200 links
    /// each searched the whole array: minutes of the build).
    /// </summary>
    private sealed class PageIds
    {
        private const int SetFrom = 64;
        private readonly string[]? _few;
        private readonly HashSet<string>? _many;

        public PageIds(string[] ids)
        {
            if (ids.Length < SetFrom) _few = ids;
            else _many = new HashSet<string>(ids, StringComparer.Ordinal);
        }

        public bool Contains(string? id) => id is not null && (_many?.Contains(id) ?? Array.IndexOf(_few!, id) >= 0);

        public bool Contains(ReadOnlySpan<char> id)
        {
            if (_many is not null) return _many.GetAlternateLookup<ReadOnlySpan<char>>().Contains(id);
            foreach (var one in _few!)
                if (id.SequenceEqual(one)) return true;
            return false;
        }

        public IEnumerable<string> All => _many ?? (IEnumerable<string>)_few!;
    }
    // Each written under its own lock, once per page rather than once per link: pages share most
    // fragments, and the rendering threads call in at once.
    private readonly Dictionary<(string Target, string Fragment), Place> _pending = [];
    private readonly Dictionary<(string Target, string Fragment), Place> _broken = [];
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> StringsBySpan => _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly ConcurrentBag<Diagnostic> _found = [];
    private readonly Severity _severity = settings.ValidateLinksAsError ? Severity.Error : Severity.Warning;

    private readonly record struct Place(string Page, int Line, int Column, string Raw, int Others)
    {
        /// <summary>Both places of one link as one: the first in path order (then document order), so reports never vary.</summary>
        public Place With(Place other)
        {
            var order = string.CompareOrdinal(Page, other.Page);
            var first = order < 0 || (order == 0 && (Line, Column).CompareTo((other.Line, other.Column)) <= 0) ? this : other;
            return first with { Others = Others + other.Others + 1 };
        }
    }

    // The lists a scan fills, kept by each thread for its next page: made afresh for each page they
    // were 240 MB of garbage at 10,000 articles (GC allocation sampling), a page's set growing from empty.
    // Ids are interned, so their set compares references.
    private sealed record Scratch(List<LinkValidator.Attribute> Attributes, HashSet<string> Ids, HashSet<string> Links);
    private readonly ThreadLocal<Scratch> _scratch = new(NewScratch);
    private static Scratch NewScratch() => new([], new(ReferenceEqualityComparer.Instance), new(StringComparer.Ordinal));
    private const int MaxKept = 4096;
    private const int LongestPlainTarget = 512;

    public bool Enabled => settings.ValidateRelativeLinks;

    /// <summary>Checks one page's links to files now, and its fragments whose page is known; the rest wait for <see cref="Finish"/>. Thread-safe.</summary>
    public void Scan(string page, ReadOnlySpan<char> html)
    {
        if (!Enabled || !page.EndsWith(".html", StringComparison.Ordinal)) return;
        var name = Intern(page);
        var (attributes, seenIds, seen) = _scratch.Value!;
        attributes.Clear();
        seenIds.Clear();
        seen.Clear();
        LinkValidator.IdAttributes(html, attributes);
        var idCount = attributes.Count;
        var distinct = new string[idCount];
        var count = 0;
        foreach (var a in attributes)
        {
            var id = InternId(html.Slice(a.Value, a.Length));
            if (seenIds.Add(id)) distinct[count++] = id;
        }
        var own = new PageIds(count == distinct.Length ? distinct : distinct[..count]);
        // Known at once, so pages scanned from now on check their links to this one as they go.
        _ids[name] = own;
        attributes.Clear();
        LinkValidator.LinkAttributes(html, attributes);
        // Those a page of thousands of links or ids grew are let go, so later pages do not clear collections of its size.
        if (attributes.Count > MaxKept || idCount > MaxKept) _scratch.Value = NewScratch();
        // Links come in document order, so one forward sweep finds every line and column.
        var sweep = new Sweep();
        List<(string Target, string Fragment, Place At)>? pending = null, broken = null;
        Span<char> buffer = stackalloc char[LongestPlainTarget];
        foreach (var a in attributes)
        {
            var value = html.Slice(a.Value, a.Length);
            if (IsPlainAndSound(page, own, value, buffer)) continue;
            var raw = value.ToString();
            // A page repeats its links (navigation, rows); a broken one is reported at its first place.
            if (!seen.Add(raw)) continue;
            var (problem, target, fragment) = LinkValidator.Check(page, WebUtility.HtmlDecode(raw), exists, settings.LinkRoot);
            if (problem is not null)
            {
                var (atLine, column) = sweep.PositionOf(html, a.Name);
                _found.Add(new Diagnostic(_severity, At(page, atLine, column), $"broken link '{raw}': {problem}") { GivenKind = "broken link" });
                continue;
            }
            if (target is null) continue;
            var ids = target == page ? own : _ids.GetValueOrDefault(target);
            if (ids is not null && ids.Contains(fragment)) continue;
            var (l, c) = sweep.PositionOf(html, a.Name);
            (ids is null ? pending ??= [] : broken ??= []).Add((Intern(target), Intern(fragment!), new Place(name, l, c, raw, 0)));
        }
        if (pending is not null) File(_pending, pending);
        if (broken is not null) File(_broken, broken);
    }

    // Letters, digits and the few marks of the paths a theme and the generator write: nothing to
    // decode or unescape, no scheme, no query.
    private static readonly System.Buffers.SearchValues<char> PlainLink =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./#");

    /// <summary>
    /// Whether a link of the plain form (leading "../", plain segments, an optional fragment) leads
    /// to a file of the output and, if it names one, to an id of a page already scanned: found from
    /// the page's characters without a string made. Most of a site's two million links are so; any
    /// other, and any link with something to report, is worked out by <see cref="LinkValidator.Check"/>.
    /// </summary>
    private bool IsPlainAndSound(string page, PageIds own, ReadOnlySpan<char> link, Span<char> buffer)
    {
        if (existsSpan is null || link.Length == 0 || link.ContainsAnyExcept(PlainLink) || link[0] == '/') return false;
        var hash = link.IndexOf('#');
        var pathPart = hash < 0 ? link : link[..hash];
        var fragment = hash < 0 ? [] : link[(hash + 1)..];
        if (fragment.Contains('#')) return false;
        ReadOnlySpan<char> target = page;
        if (pathPart.Length > 0)
        {
            var written = LinkValidator.SimpleResolve(page, pathPart, buffer);
            if (written <= 0) return false; // not of the plain form, or above the root: Check says which
            target = buffer[..written];
        }
        if (!existsSpan(target)) return false;
        if (fragment.Length == 0 || !target.EndsWith(".html", StringComparison.Ordinal)) return true;
        var ids = target.SequenceEqual(page) ? own : IdsByPath.TryGetValue(target, out var known) ? known : null;
        return ids is not null && ids.Contains(fragment);
    }

    /// <summary>An id as the page's interned string, made only the first time it is seen.</summary>
    private string InternId(ReadOnlySpan<char> raw)
    {
        if (raw.Contains('&')) return Intern(WebUtility.HtmlDecode(raw.ToString()));
        return StringsBySpan.TryGetValue(raw, out var known) ? known : Intern(raw.ToString());
    }

    /// <summary>Line and column of offsets asked for in increasing order, found in one pass over the page.</summary>
    private struct Sweep()
    {
        private int _line = 1, _lineStart, _scanned;

        public (int Line, int Column) PositionOf(ReadOnlySpan<char> html, int offset)
        {
            for (; _scanned < offset && _scanned < html.Length; _scanned++)
                if (html[_scanned] == '\n') { _line++; _lineStart = _scanned + 1; }
            return (_line, offset - _lineStart + 1);
        }
    }

    private static void File(Dictionary<(string, string), Place> into, List<(string Target, string Fragment, Place At)> places)
    {
        lock (into)
            foreach (var (target, fragment, place) in places)
            {
                ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(into, (target, fragment), out var exists);
                known = exists ? known.With(place) : place;
            }
    }

    /// <summary>Checks every fragment still waiting against the ids of its page, and returns all problems found.</summary>
    public ImmutableArray<Diagnostic> Finish()
    {
        if (!Enabled) return [];
        var read = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var ((target, fragment), place) in _pending)
        {
            if (!read.TryGetValue(target, out var ids))
                read[target] = ids = new HashSet<string>(_ids.TryGetValue(target, out var known) ? known.All : idsOf?.Invoke(target) ?? [], StringComparer.Ordinal);
            if (ids.Contains(fragment)) continue;
            File(_broken, [(target, fragment, place)]);
        }
        foreach (var ((target, fragment), place) in _broken)
        {
            var also = place.Others switch { 0 => "", 1 => " (and one other page)", var n => $" (and {n} other pages)" };
            _found.Add(new Diagnostic(_severity, At(place.Page, place.Line, place.Column),
                $"broken link '{place.Raw}': {target} has no element with id '{fragment}'{also}") { GivenKind = "link to an id the page does not have" });
        }
        return [.. _found];
    }

    private SourcePosition At(string page, int line, int column) => new($"{settings.OutputPath.TrimEnd('/')}/{page}", line, column);

    private string Intern(string s) => _strings.GetOrAdd(s, s);
}
