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
/// (with its first place), so a site far larger than memory can be checked while it streams to disk.
/// </summary>
/// <param name="exists">Whether the output will have a file at a path (every path is known before any page is rendered).</param>
/// <param name="idsOf">Ids of a page that was not scanned (an incremental build's unchanged pages).</param>
public sealed class LinkChecker(Func<string, bool> exists, SiteSettings settings, Func<string, IEnumerable<string>?>? idsOf = null)
{
    private readonly ConcurrentDictionary<string, string[]> _ids = new(StringComparer.Ordinal);
    // Written under its own lock, once per page rather than once per link: pages share most
    // fragments, and the rendering threads call in at once.
    private readonly Dictionary<(string Target, string Fragment), Place> _wanted = [];
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Diagnostic> _found = [];
    private readonly Severity _severity = settings.ValidateLinksAsError ? Severity.Error : Severity.Warning;

    private readonly record struct Place(string Page, int Line, int Column, string Raw, int Others);

    public bool Enabled => settings.ValidateRelativeLinks;

    /// <summary>Checks one page's links to files now; links to fragments wait for <see cref="Finish"/>. Thread-safe.</summary>
    public void Scan(string page, string html)
    {
        if (!Enabled || !page.EndsWith(".html", StringComparison.Ordinal)) return;
        _ids[Intern(page)] = [.. LinkValidator.Ids(html).Distinct(StringComparer.Ordinal).Select(Intern)];
        var links = new List<string>();
        var offsets = new List<int>();
        LinkValidator.Links(html, links, offsets);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Links come in document order, so one forward sweep finds every line and column.
        int line = 1, lineStart = 0, scanned = 0;
        (int, int) PositionOf(int offset)
        {
            for (; scanned < offset && scanned < html.Length; scanned++)
                if (html[scanned] == '\n') { line++; lineStart = scanned + 1; }
            return (line, offset - lineStart + 1);
        }
        List<(string Target, string Fragment, Place At)>? wanted = null;
        for (var i = 0; i < links.Count; i++)
        {
            var raw = links[i];
            // A page repeats its links (navigation, rows); a broken one is reported at its first place.
            if (!seen.Add(raw)) continue;
            var (problem, target, fragment) = LinkValidator.Check(page, WebUtility.HtmlDecode(raw), exists, settings.LinkRoot);
            if (problem is not null)
            {
                var (atLine, column) = PositionOf(offsets[i]);
                _found.Add(new Diagnostic(_severity, At(page, atLine, column), $"broken link '{raw}': {problem}"));
            }
            else if (target is not null)
            {
                var (atLine, column) = PositionOf(offsets[i]);
                (wanted ??= []).Add((target, fragment!, new Place(page, atLine, column, raw, 0)));
            }
        }
        if (wanted is null) return;
        var name = Intern(page);
        lock (_wanted)
            foreach (var (target, fragment, place) in wanted)
            {
                ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_wanted, (Intern(target), Intern(fragment)), out var exists);
                // The first place in path order, whichever thread gets there first, so reports never vary.
                known = !exists ? place with { Page = name }
                    : string.CompareOrdinal(known.Page, page) <= 0 ? known with { Others = known.Others + 1 }
                    : place with { Page = name, Others = known.Others + 1 };
            }
    }

    /// <summary>Checks every fragment against the ids of its page, and returns all problems found.</summary>
    public ImmutableArray<Diagnostic> Finish()
    {
        if (!Enabled) return [];
        var read = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var ((target, fragment), place) in _wanted)
        {
            if (!read.TryGetValue(target, out var ids))
                read[target] = ids = new HashSet<string>(_ids.TryGetValue(target, out var known) ? known : idsOf?.Invoke(target) ?? [], StringComparer.Ordinal);
            if (ids.Contains(fragment)) continue;
            var also = place.Others switch { 0 => "", 1 => " (and one other page)", var n => $" (and {n} other pages)" };
            _found.Add(new Diagnostic(_severity, At(place.Page, place.Line, place.Column),
                $"broken link '{place.Raw}': {target} has no element with id '{fragment}'{also}"));
        }
        return [.. _found];
    }

    private SourcePosition At(string page, int line, int column) => new($"{settings.OutputPath.TrimEnd('/')}/{page}", line, column);

    private string Intern(string s) => _strings.GetOrAdd(s, s);
}
