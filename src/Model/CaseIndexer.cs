using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Model;

/// <summary>The post-processing stage: joins finished article analyses into one record.</summary>
public static class CaseIndexer
{
    /// <summary>The record's order of articles: newest first, undated last, then by title and slug.</summary>
    internal static int CompareArticles(AnalysedArticle x, AnalysedArticle y)
    {
        var c = (y.Doc.Published is not null).CompareTo(x.Doc.Published is not null);
        if (c == 0) c = Comparer<PartialDate>.Default.Compare(y.Doc.Published, x.Doc.Published);
        if (c == 0) c = string.CompareOrdinal(x.Doc.Title, y.Doc.Title);
        if (c == 0) c = string.CompareOrdinal(x.Slug, y.Slug);
        return c;
    }

    private static readonly IComparer<AnalysedArticle> ArticleOrder = Comparer<AnalysedArticle>.Create(CompareArticles);

    public static (CaseIndex Index, ImmutableArray<Diagnostic> Diagnostics) Index(
        LoadedProject project, ImmutableArray<AnalysedArticle> analysed)
    {
        var diagnostics = new DiagnosticList();
        // A stable sort: articles that compare equal keep the order they were loaded in.
        var articles = analysed.OrderBy(a => a, ArticleOrder).ToImmutableArray();
        var (speakers, organisations) = People(project, diagnostics);

        // Three joins that read only the sorted articles: side by side.
        (Dictionary<string, FigureEntry> Entries, Dictionary<ValueKey, ImmutableArray<string>> Groups) figures = (null!, null!);
        ImmutableDictionary<string, ImmutableArray<QuotationRef>> bySpeaker = null!;
        ImmutableDictionary<string, ImmutableArray<MentionRef>> byOrganisation = null!;
        ImmutableDictionary<string, ImmutableArray<PersonMentionRef>> named = null!;
        Parallel.Invoke(
            () => figures = IndexFigures(articles, project.Figures, diagnostics),
            () => bySpeaker = Grouped(articles, QuotationsOf),
            () => byOrganisation = Grouped(articles, MentionsOf),
            () => named = Grouped(articles, PeopleOf));
        foreach (var s in Unnamed(speakers, articles, bySpeaker, named))
            diagnostics.Warning(new SourcePosition(s.Path, 1, 1),
                $"speaker '{s.Slug}' ({s.Name}) is named in no article: no quotation is attributed to them, the text never names them and no article lists them under 'speakers:'; check the name and aliases, or remove the file", "speaker named in no article");

        // An id given twice maps to its first article's entry, which is listed once.
        var inOrder = articles.SelectMany(a => a.Figures.Select(f => figures.Entries.GetValueOrDefault(f.Id)))
            .OfType<FigureEntry>().Distinct(ReferenceEqualityComparer.Instance).Cast<FigureEntry>().ToImmutableArray();

        var index = new CaseIndex(project.Settings, project.Home, articles, speakers, organisations,
            figures.Entries, inOrder, bySpeaker, byOrganisation, Timeline(inOrder)) { SameValueGroups = figures.Groups, MentionsBySpeaker = named };
        return (index, diagnostics.ToImmutable());
    }

    /// <summary>
    /// The index of the last good build brought up to date with a few changed articles, in a
    /// long-running session (the preview): only the joins those articles reach are made again.
    /// Gives exactly what <see cref="Index"/> would, or null where it cannot be sure of that (too
    /// many changes, or anything the editor must be told about), and the full join is made instead.
    /// </summary>
    /// <param name="last">Built from the same settings, speakers and organisations, without errors.</param>
    /// <returns>The index, and what changed since <paramref name="last"/>.</returns>
    public static (CaseIndex Index, IndexDelta Delta)? Update(CaseIndex last, LoadedProject project, ImmutableArray<AnalysedArticle> analysed)
    {
        // An unchanged article's analysis is reused as the same object (the build cache's rule).
        // Each last article by where its figures begin in the last figure order.
        var before = new Dictionary<AnalysedArticle, int>(last.Articles.Length, ReferenceEqualityComparer.Instance);
        var offset = 0;
        foreach (var a in last.Articles)
        {
            before[a] = offset;
            offset += a.Figures.Length;
        }
        // A fact of the case joins statements from several articles, which the full join makes.
        if (!project.Figures.IsEmpty) return null;
        var now = new HashSet<AnalysedArticle>(analysed, ReferenceEqualityComparer.Instance);
        var added = analysed.Where(a => !before.ContainsKey(a)).ToList();
        var removed = last.Articles.Where(a => !now.Contains(a)).ToList();
        if (added.Count + removed.Count > MaxChangedArticles || offset != last.FiguresInOrder.Length
            || last.SameValueGroups is null || last.Figures is not Dictionary<string, FigureEntry> lastFigures)
            return null;

        var diagnostics = new DiagnosticList();
        var (speakers, organisations) = People(project, diagnostics);
        if (diagnostics.HasErrors || Merged(last.Articles, now, added) is not { } articles) return null;

        var figures = UpdateFigures(last, lastFigures, added, removed);
        if (figures is null) return null;
        var (entries, groups, made, rows, changedGroups) = figures.Value;
        // The entries made again, by the entry they replace.
        var renewed = new Dictionary<FigureEntry, FigureEntry>(ReferenceEqualityComparer.Instance);
        foreach (var (id, entry) in made)
            if (lastFigures.TryGetValue(id, out var old) && now.Contains(old.Article)) renewed[old] = entry;
        if (InOrder(last.FiguresInOrder, before, articles, entries, renewed) is not { } inOrder) return null;
        if (UpdatedTimeline(last, removed, added, lastFigures, entries, renewed) is not { } timeline) return null;

        // Merged sorted the added articles, which the lists below rely on.
        var (bySpeaker, speakersReached) = Regrouped(last.QuotationsBySpeaker, now, added, removed, QuotationsOf, r => r.Article);
        var (byOrganisation, organisationsReached) = Regrouped(last.MentionsByOrganisation, now, added, removed, MentionsOf, r => r.Article);
        var (named, namedReached) = Regrouped(last.MentionsBySpeaker, now, added, removed, PeopleOf, r => r.Article);
        if (bySpeaker is null || byOrganisation is null || named is null) return null;
        // A speaker nobody names is a warning, which only the full join reports.
        if (Unnamed(speakers, articles, bySpeaker, named).Any()) return null;

        var index = new CaseIndex(project.Settings, project.Home, articles, speakers, organisations,
            entries, inOrder, bySpeaker, byOrganisation, timeline) { SameValueGroups = groups, MentionsBySpeaker = named };
        var delta = new IndexDelta(last,
            [.. added.Concat(removed).Select(a => a.Doc.Path)],
            [.. rows.Concat(removed.SelectMany(a => a.Figures).Select(f => f.Id))], [.. changedGroups],
            speakersReached.Union(namedReached), organisationsReached);
        return (index, delta);
    }

    /// <summary>
    /// The figures in the record's order: an unchanged article's entries are copied as a block from
    /// the last order (where each article's stand together), then the renewed ones put in place of
    /// the entries they replace; an added article's are looked up. The 110,000 entries of a large
    /// record are copied, never read (reading each cost a cache miss). Null if the last order is not as expected.
    /// </summary>
    /// <param name="before">Each last article by where its figures begin in <paramref name="lastOrder"/>.</param>
    private static ImmutableArray<FigureEntry>? InOrder(ImmutableArray<FigureEntry> lastOrder, Dictionary<AnalysedArticle, int> before,
        ImmutableArray<AnalysedArticle> articles, Dictionary<string, FigureEntry> entries, Dictionary<FigureEntry, FigureEntry> renewed)
    {

        var result = new FigureEntry[entries.Count];
        var now = new Dictionary<AnalysedArticle, int>(articles.Length, ReferenceEqualityComparer.Instance);
        var at = 0;
        foreach (var a in articles)
        {
            if (at + a.Figures.Length > result.Length) return null;
            now[a] = at;
            if (before.TryGetValue(a, out var from))
                lastOrder.AsSpan(from, a.Figures.Length).CopyTo(result.AsSpan(at));
            else
                for (var i = 0; i < a.Figures.Length; i++)
                    if (!entries.TryGetValue(a.Figures[i].Id, out result[at + i]!)) return null;
            at += a.Figures.Length;
        }
        if (at != result.Length) return null;
        foreach (var (old, entry) in renewed)
        {
            if (!before.TryGetValue(old.Article, out var from) || !now.TryGetValue(old.Article, out var to)) return null;
            var k = 0;
            while (k < old.Article.Figures.Length && !ReferenceEquals(lastOrder[from + k], old)) k++;
            if (k == old.Article.Figures.Length) return null;
            result[to + k] = entry;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private static int CompareEvents(FigureEntry x, FigureEntry y)
    {
        var c = x.Figure.Chronology.CompareTo(y.Figure.Chronology);
        if (c == 0) c = string.CompareOrdinal(x.Article.Slug, y.Article.Slug);
        if (c == 0) c = x.Figure.Paragraph.CompareTo(y.Figure.Paragraph);
        return c;
    }

    /// <summary>
    /// The last timeline with the events of articles that went taken out, renewed entries put in
    /// place of those they replace (same article, same place), and the added articles' merged in.
    /// Each is found by a binary search, so the tens of thousands of events of a large record are
    /// copied, never read. Null on a tie between a coming event and a kept one, whose order only
    /// a full (stable) sort knows, or if an event is not where the order says.
    /// </summary>
    private static ImmutableArray<FigureEntry>? UpdatedTimeline(CaseIndex last, List<AnalysedArticle> removed, List<AnalysedArticle> added,
        Dictionary<string, FigureEntry> lastFigures, Dictionary<string, FigureEntry> entries, Dictionary<FigureEntry, FigureEntry> renewed)
    {
        var timeline = last.Timeline;
        var changes = new Dictionary<int, FigureEntry?>();
        foreach (var f in removed.SelectMany(a => a.Figures).Where(IsEvent))
        {
            if (!lastFigures.TryGetValue(f.Id, out var old) || Find(timeline, old) is not { } at) return null;
            changes[at] = null;
        }
        foreach (var (old, entry) in renewed)
        {
            if (!IsEvent(old.Figure)) continue;
            if (Find(timeline, old) is not { } at) return null;
            changes[at] = entry;
        }
        var kept = new List<FigureEntry>(timeline.Length + 16);
        var from = 0;
        foreach (var at in changes.Keys.Order())
        {
            kept.AddRange(timeline.AsSpan(from, at - from));
            if (changes[at] is { } entry) kept.Add(entry);
            from = at + 1;
        }
        kept.AddRange(timeline.AsSpan()[from..]);

        return MergeSorted(kept, Timeline([.. added.SelectMany(a => a.Figures).Select(f => entries[f.Id])]), CompareEvents);
    }

    /// <summary>Where this very entry is in the timeline (events that tie with it lie together), or null.</summary>
    private static int? Find(ImmutableArray<FigureEntry> timeline, FigureEntry e)
    {
        for (var at = LowerBound(timeline, e, CompareEvents); at < timeline.Length && CompareEvents(timeline[at], e) == 0; at++)
            if (ReferenceEquals(timeline[at], e)) return at;
        return null;
    }

    /// <summary>
    /// Two lists in the same order made one. Each coming item goes where a binary search puts it,
    /// so the kept items are copied, not each compared (reading each entry of a large record cost
    /// a cache miss). Null if a coming item ties with a kept one, whose order only a full (stable) sort knows.
    /// </summary>
    private static ImmutableArray<T>? MergeSorted<T>(IReadOnlyList<T> kept, IReadOnlyList<T> coming, Comparison<T> compare)
    {
        var result = ImmutableArray.CreateBuilder<T>(kept.Count + coming.Count);
        var from = 0;
        foreach (var item in coming)
        {
            var at = LowerBound(kept, item, compare);
            if (at < kept.Count && compare(kept[at], item) == 0) return null;
            for (; from < at; from++) result.Add(kept[from]);
            result.Add(item);
        }
        for (; from < kept.Count; from++) result.Add(kept[from]);
        return result.MoveToImmutable();
    }

    /// <summary>The first place in an ordered list whose item does not come before <paramref name="item"/>.</summary>
    private static int LowerBound<T>(IReadOnlyList<T> items, T item, Comparison<T> compare)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (compare(items[mid], item) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Beyond this many changed articles a full join costs about the same (a save, a rename, a pull of a few files fall below).</summary>
    private const int MaxChangedArticles = 64;

    /// <summary>The last order less what went, with what came merged in; null if an added article ties with another (then load order decides, which only a full sort knows).</summary>
    private static ImmutableArray<AnalysedArticle>? Merged(ImmutableArray<AnalysedArticle> last, HashSet<AnalysedArticle> now, List<AnalysedArticle> added)
    {
        added.Sort(ArticleOrder);
        for (var i = 1; i < added.Count; i++)
            if (CompareArticles(added[i - 1], added[i]) == 0) return null;
        var merged = MergeSorted([.. last.Where(now.Contains)], added, CompareArticles);
        return merged?.Length == now.Count ? merged : null;
    }

    /// <returns>The entries and groups; the entries made again; the ids whose rows show something new (a figure of a changed article and, in turn, its shares); the values whose groups changed.</returns>
    private static (Dictionary<string, FigureEntry> Entries, Dictionary<ValueKey, ImmutableArray<string>> Groups, Dictionary<string, FigureEntry> Made,
        HashSet<string> Rows, List<ValueKey> ChangedGroups)? UpdateFigures(
        CaseIndex last, Dictionary<string, FigureEntry> lastFigures, List<AnalysedArticle> added, List<AnalysedArticle> removed)
    {
        var gone = removed.SelectMany(a => a.Figures).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var located = new Dictionary<string, (LocatedFigure Figure, AnalysedArticle Article)>(StringComparer.Ordinal);
        foreach (var a in added)
            foreach (var f in a.Figures)
            {
                // An id used twice is an error the full join reports with both places.
                if (!located.TryAdd(f.Id, (f, a))) return null;
                if (lastFigures.ContainsKey(f.Id) && !gone.Contains(f.Id)) return null;
            }

        var groups = new Dictionary<ValueKey, ImmutableArray<string>>(last.SameValueGroups!);
        var renew = new HashSet<string>(located.Keys, StringComparer.Ordinal);
        var changedGroups = new List<ValueKey>();
        // The members leaving each group are the removed figures of its value (a group of a common
        // year holds thousands of ids, not read unless it changes); no id coming is a kept member,
        // since an id still in use elsewhere was refused above.
        var leavingByKey = removed.SelectMany(a => a.Figures).ToLookup(ValueKey.Of, f => f.Id);
        var comingByKey = located.Values.ToLookup(x => ValueKey.Of(x.Figure), x => x.Figure.Id);
        foreach (var key in leavingByKey.Select(g => g.Key).Union(comingByKey.Select(g => g.Key)))
        {
            var old = groups.GetValueOrDefault(key, []);
            List<string> coming = [.. comingByKey[key].Order(StringComparer.Ordinal)];
            // A group whose members are the same keeps its array, and its members their entries:
            // the usual edit takes an article's figures out and puts the same ones back.
            var leaving = leavingByKey[key].ToHashSet(StringComparer.Ordinal);
            if (leaving.SetEquals(coming)) continue;
            // The group is in id order already: the few coming ids are merged in, not the whole group sorted again.
            if (MergeSorted([.. old.Where(id => !leaving.Contains(id))], coming, string.CompareOrdinal) is not { } members) return null;
            if (members.IsEmpty) groups.Remove(key); else groups[key] = members;
            renew.UnionWith(members);
            changedGroups.Add(key);
        }
        // A share of a renewed figure holds that entry, so it is renewed too, and its own shares;
        // its row shows what it is a share of, so it is new where that figure's row is.
        var rows = new HashSet<string>(located.Keys, StringComparer.Ordinal);
        foreach (var (set, from) in new[] { (renew, renew.ToList()), (rows, rows.ToList()) })
        {
            var queue = new Queue<string>(from);
            while (queue.TryDequeue(out var id))
                foreach (var share in last.SharesOf[id])
                    if (!gone.Contains(share.Id) && set.Add(share.Id)) queue.Enqueue(share.Id);
        }
        renew.ExceptWith(gone.Where(id => !located.ContainsKey(id)));

        var entries = new Dictionary<string, FigureEntry>(lastFigures, StringComparer.Ordinal);
        foreach (var id in gone) entries.Remove(id);
        var made = new Dictionary<string, FigureEntry>(StringComparer.Ordinal);
        var failed = false;
        FigureEntry? Make(string id, HashSet<string> visiting)
        {
            if (made.TryGetValue(id, out var done)) return done;
            if (!renew.Contains(id)) return entries.GetValueOrDefault(id);
            var (figure, article) = located.TryGetValue(id, out var x) ? x : (lastFigures[id].Figure, lastFigures[id].Article);
            FigureEntry? of = null;
            decimal? percent = null;
            if (figure.Spec.Of is { } ofRef)
            {
                // A cycle, an unknown id or a zero are errors: the full join reports them.
                if (!visiting.Add(id) || visiting.Contains(ofRef.Value) || (of = Make(ofRef.Value, visiting)) is null || of.Figure.Value == 0)
                {
                    failed = true;
                    return null;
                }
                visiting.Remove(id);
                percent = figure.Value / of.Figure.Value * 100m;
            }
            var entry = new FigureEntry(figure, article, of, percent, groups[ValueKey.Of(figure)]);
            made[id] = entry;
            return entry;
        }
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in renew)
            if (Make(id, visiting) is null || failed) return null;
        foreach (var (id, entry) in made) entries[id] = entry;
        return (entries, groups, made, rows, changedGroups);
    }

    private static (ImmutableArray<SpeakerDoc>, ImmutableArray<OrganisationDoc>) People(LoadedProject project, DiagnosticList diagnostics)
    {
        var speakers = UniqueBySlug(project.Speakers, s => s.Slug, s => s.Path, "speaker", diagnostics)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToImmutableArray();
        var organisations = UniqueBySlug(project.Organisations, o => o.Slug, o => o.Path, "organisation", diagnostics)
            .OrderBy(o => o.Name, StringComparer.Ordinal).ToImmutableArray();
        var orgSlugs = organisations.Select(o => o.Slug).ToHashSet();
        foreach (var s in speakers)
            if (s.Organisation is { } org && !orgSlugs.Contains(org.Value))
                diagnostics.Error(org.At, KeySuggester.UnknownSlug("organisation", org.Value, $"input/organisations/{org.Value}.md", orgSlugs));
        return (speakers, organisations);
    }

    /// <summary>An article's attributed quotations, by speaker.</summary>
    private static IEnumerable<(string Key, QuotationRef Item)> QuotationsOf(AnalysedArticle a) =>
        a.Quotations.Where(q => q.IsSpeech && q.SpeakerSlug is not null).Select(q => (q.SpeakerSlug!, new QuotationRef(a, q)));

    /// <summary>Where an article names each speaker.</summary>
    private static IEnumerable<(string Key, PersonMentionRef Item)> PeopleOf(AnalysedArticle a) =>
        a.People.Select(m => (m.SpeakerSlug, new PersonMentionRef(a, m)));

    /// <summary>The speakers no article quotes, names or lists under <c>speakers:</c>; the articles are read only when one is neither quoted nor named.</summary>
    private static IEnumerable<SpeakerDoc> Unnamed(ImmutableArray<SpeakerDoc> speakers, ImmutableArray<AnalysedArticle> articles,
        ImmutableDictionary<string, ImmutableArray<QuotationRef>> quoted, ImmutableDictionary<string, ImmutableArray<PersonMentionRef>> named)
    {
        var candidates = speakers.Where(s => !quoted.ContainsKey(s.Slug) && !named.ContainsKey(s.Slug)).ToList();
        if (candidates.Count == 0) return [];
        var listed = articles.SelectMany(a => a.Doc.Speakers).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(s => !listed.Contains(s.Slug));
    }

    /// <summary>An article's mentions, by organisation.</summary>
    private static IEnumerable<(string Key, MentionRef Item)> MentionsOf(AnalysedArticle a) =>
        a.Mentions.Select(m => (m.OrganisationSlug, new MentionRef(a, m)));

    /// <summary>Each key's items in the record's order (an article's side by side, in its own order).</summary>
    private static ImmutableDictionary<string, ImmutableArray<T>> Grouped<T>(ImmutableArray<AnalysedArticle> articles, Func<AnalysedArticle, IEnumerable<(string Key, T Item)>> itemsOf) =>
        articles.SelectMany(itemsOf).GroupBy(x => x.Key, x => x.Item).ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray());

    /// <summary>
    /// The lists a few changed articles reach, with the removed articles' items taken out and the
    /// added ones' merged into the record's order; every other list, and every kept item, is the
    /// same object as before. Null on a tie in the order (which <see cref="Merged"/> has ruled out).
    /// </summary>
    /// <param name="added">In the record's order.</param>
    private static (ImmutableDictionary<string, ImmutableArray<T>>? Lists, ImmutableHashSet<string> Reached) Regrouped<T>(ImmutableDictionary<string, ImmutableArray<T>> last,
        HashSet<AnalysedArticle> now, List<AnalysedArticle> added, List<AnalysedArticle> removed,
        Func<AnalysedArticle, IEnumerable<(string Key, T Item)>> itemsOf, Func<T, AnalysedArticle> articleOf)
    {
        // In the added articles' order, each article's items in its own order.
        var coming = added.SelectMany(itemsOf).ToLookup(x => x.Key, x => x.Item, StringComparer.Ordinal);
        var reached = removed.SelectMany(itemsOf).Select(x => x.Key).Concat(coming.Select(g => g.Key)).ToHashSet(StringComparer.Ordinal);
        var result = last.ToBuilder();
        foreach (var key in reached)
        {
            var kept = last.GetValueOrDefault(key, []).Where(x => now.Contains(articleOf(x))).ToList();
            var merged = MergeSorted(kept, [.. coming[key]], (x, y) => CompareArticles(articleOf(x), articleOf(y)));
            if (merged is not { } items) return (null, []);
            if (items.IsEmpty) result.Remove(key); else result[key] = items;
        }
        return (result.ToImmutable(), [.. reached]);
    }

    /// <summary>Dated events in order of date, then article and paragraph; a stable sort, so ties keep the record's order.</summary>
    private static ImmutableArray<FigureEntry> Timeline(ImmutableArray<FigureEntry> inOrder) =>
        inOrder.Where(e => IsEvent(e.Figure)).OrderBy(e => e, EventOrder).ToImmutableArray();

    private static bool IsEvent(LocatedFigure f) => f.Spec.Event is not null && f.Spec.Kind is FigureKind.Year or FigureKind.Date;

    private static readonly IComparer<FigureEntry> EventOrder = Comparer<FigureEntry>.Create(CompareEvents);

    private static (Dictionary<string, FigureEntry>, Dictionary<ValueKey, ImmutableArray<string>>) IndexFigures(
        ImmutableArray<AnalysedArticle> articles, ImmutableArray<CaseFigureDoc> caseFigures, DiagnosticList diagnostics)
    {
        var located = new Dictionary<string, (LocatedFigure Figure, AnalysedArticle Article)>(StringComparer.Ordinal);
        var stated = new Dictionary<string, List<FigureStatement>>(StringComparer.Ordinal);
        foreach (var a in articles)
            foreach (var f in a.Figures)
            {
                if (f.Spec.IsStatement)
                {
                    // A fact of the case: every article's statement is kept, in the record's order.
                    if (!stated.TryGetValue(f.Id, out var list)) stated[f.Id] = list = [];
                    list.Add(new(f, a));
                    continue;
                }
                if (located.TryGetValue(f.Id, out var first))
                {
                    if (!ReferenceEquals(first.Article, a))
                        diagnostics.Error(f.Spec.IdAt, $"duplicate figure id '{f.Id}' (also at {first.Figure.Spec.IdAt}); ids must be unique across the site");
                    continue;
                }
                located[f.Id] = (f, a);
            }
        var facts = CaseFacts(caseFigures, stated, diagnostics);
        foreach (var (id, fact) in facts) located[id] = (fact.Figure, fact.Article);

        // Resolve 'of' chains; a cycle or an unknown id is the editor's to fix.
        var entries = new Dictionary<string, FigureEntry>(located.Count, StringComparer.Ordinal);
        // Each group's one array is shared by all its members (see FigureEntry.SameValueGroup).
        var sameValue = located.Values
            .GroupBy(x => ValueKey.Of(x.Figure))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Figure.Id).Order(StringComparer.Ordinal).ToImmutableArray());

        FigureEntry? Resolve(string id, HashSet<string> visiting)
        {
            if (entries.TryGetValue(id, out var done)) return done;
            if (!located.TryGetValue(id, out var x)) return null;
            FigureEntry? of = null;
            decimal? percent = null;
            if (x.Figure.Spec.Of is { } ofRef)
            {
                visiting.Add(id);
                if (ofRef.Value == id || visiting.Contains(ofRef.Value))
                    diagnostics.Error(ofRef.At, $"figure '{id}': 'of: {ofRef.Value}' makes a cycle ({string.Join(" → ", visiting.Append(ofRef.Value))})");
                else if (!located.ContainsKey(ofRef.Value))
                {
                    // A figure whose match failed has its own error; naming it here as well would send the editor looking for a typo.
                    if (!articles.Any(a => a.Doc.Figures.Any(f => f.Id == ofRef.Value)))
                        diagnostics.Error(ofRef.At, $"figure '{id}': 'of' names no figure '{ofRef.Value}'; " +
                            (KeySuggester.Suggest(ofRef.Value, located.Keys) is { } close ? $"did you mean '{close}'?" : "use the id of another key figure"));
                }
                else
                {
                    of = Resolve(ofRef.Value, visiting);
                    if (of is not null && of.Figure.Value != 0)
                        percent = x.Figure.Value / of.Figure.Value * 100m;
                    else if (of is not null)
                        diagnostics.Error(ofRef.At, $"figure '{id}': cannot be a share of '{ofRef.Value}', whose value is 0");
                }
                visiting.Remove(id);
            }
            var entry = new FigureEntry(x.Figure, x.Article, of, percent, sameValue[ValueKey.Of(x.Figure)]);
            if (facts.TryGetValue(id, out var fact)) entry = entry with { Statements = fact.Statements, Case = fact.Case };
            entries[id] = entry;
            return entry;
        }

        var ids = located.Keys.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids) Resolve(id, visiting);
        // Never changed after this point; a plain dictionary builds and reads several times faster
        // than an immutable one at a hundred thousand figures.
        return (entries, sameValue);
    }

    /// <summary>
    /// Each fact of the case that an article states: its statements, and the figure that stands for
    /// them in lists and joins — the first statement's, with the editors' settled <c>value</c> if
    /// they gave one. Statements that differ, unsettled, are a warning at each that differs from the
    /// first; a fact no article states is a warning at its file.
    /// </summary>
    private static Dictionary<string, (LocatedFigure Figure, AnalysedArticle Article, ImmutableArray<FigureStatement> Statements, CaseFigureDoc Case)> CaseFacts(
        ImmutableArray<CaseFigureDoc> caseFigures, Dictionary<string, List<FigureStatement>> stated, DiagnosticList diagnostics)
    {
        var facts = new Dictionary<string, (LocatedFigure, AnalysedArticle, ImmutableArray<FigureStatement>, CaseFigureDoc)>(StringComparer.Ordinal);
        foreach (var doc in UniqueBySlug(caseFigures, f => f.Id, f => f.Path, "figure", diagnostics))
        {
            if (!stated.TryGetValue(doc.Id, out var statements))
            {
                diagnostics.Warning(new SourcePosition(doc.Path, 1, 1),
                    $"figure '{doc.Id}' is stated by no article: add it to an article's figures as 'figure: {doc.Id}' with the words that state it under 'match', or remove the file", "figure stated by no article");
                continue;
            }
            var first = statements[0].Figure;
            if (doc.Value is null)
                foreach (var s in statements.Skip(1).Where(s => !FigureStatement.SameValue(s.Figure, first)))
                    diagnostics.Warning(s.Figure.Spec.Match.At,
                        $"figure '{doc.Id}' is stated as {Stated(s.Figure)} here and {Stated(first)} in {first.Spec.Match.At}; check both against their sources, or settle it with 'value:' in {doc.Path}", "figure stated differently by two sources");
            var figure = doc.Value is { } settled
                ? first with
                {
                    Value = settled.Value, Date = doc.DateValue,
                    // The first source's words no longer show the value when the editors settle on another.
                    Written = settled.Value == first.Value ? first.Written : null,
                    Spec = first.Spec with { Value = settled, DateValue = doc.DateValue },
                }
                : first;
            facts[doc.Id] = (figure, statements[0].Article, [.. statements], doc);
        }
        return facts;
    }

    /// <summary>A statement's value in a warning: its date, its words for money, else the number.</summary>
    private static string Stated(LocatedFigure f) =>
        f.Date?.Display ?? f.Written ?? f.Value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) + (f.Currency is { } c ? " " + c : "");

    private static IEnumerable<T> UniqueBySlug<T>(IEnumerable<T> items, Func<T, string> slug, Func<T, string> path, string what, DiagnosticList diagnostics)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (seen.TryGetValue(slug(item), out var first))
            {
                diagnostics.Error(new SourcePosition(path(item), 1, 1), $"duplicate {what} slug '{slug(item)}' (also {path(first)})");
                continue;
            }
            seen[slug(item)] = item;
            yield return item;
        }
    }
}
