using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Model;
using CaseRecord.Output;
using CaseRecord.Rendering;

namespace CaseRecord.Building;

/// <summary>
/// Which pages a change to some articles can affect, when the theme, settings, speakers and
/// organisations are unchanged: each changed article's page, the pages of its speakers, its
/// figures and the figures tied to them (shares, equal values), its organisations, and the
/// list pages. Old and new versions both count, so a renamed speaker's old page is redone too.
/// </summary>
/// <param name="SamePages">The last build's list of pages, when the record still has exactly those (the usual edit); null when pages came or went.</param>
public sealed record IncrementalPlan(IReadOnlySet<string> Pages, IReadOnlySet<string> Sources, ImmutableArray<string>? SamePages)
{
    public static IncrementalPlan For(BuildCache.LastSite last, CaseIndex index, IReadOnlyDictionary<string, string> articleKeys)
    {
        var changedPaths = articleKeys.Where(k => !last.ArticleKeys.TryGetValue(k.Key, out var old) || old != k.Value).Select(k => k.Key)
            .Concat(last.ArticleKeys.Keys.Where(k => !articleKeys.ContainsKey(k)))
            .ToHashSet(StringComparer.Ordinal);
        var pages = new HashSet<string>(PagePlanner.ListPages, StringComparer.Ordinal);
        var figures = new HashSet<string>(StringComparer.Ordinal);
        bool Touched(FigureEntry e) => changedPaths.Contains(e.Article.Doc.Path) || (e.Of is not null && changedPaths.Contains(e.Of.Article.Doc.Path));
        AddChangedListPages(pages, SitePaths.Articles, PagePlanner.ArticlesPerPage, last.Index.Articles, index.Articles, (x, y) => x.Doc.Path == y.Doc.Path, a => changedPaths.Contains(a.Doc.Path));
        AddChangedListPages(pages, SitePaths.Figures, PagePlanner.FiguresPerPage, last.Index.FiguresInOrder, index.FiguresInOrder, SameFigure, Touched);
        AddChangedListPages(pages, SitePaths.Timeline, PagePlanner.EventsPerPage, last.Index.Timeline, index.Timeline, SameFigure, Touched);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var organisations = new HashSet<string>(StringComparer.Ordinal);
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (idx, other, isNew) in new[] { (last.Index, index, false), (index, last.Index, true) })
            foreach (var a in idx.Articles.Where(a => changedPaths.Contains(a.Doc.Path)))
            {
                pages.Add(SitePaths.Article(a.Slug));
                if (isNew) sources.Add(a.Source.Path);
                foreach (var s in a.Quotations.Select(q => q.SpeakerSlug).OfType<string>().Concat(a.Doc.Speakers.Select(s => s.Value)))
                    speakers.Add(s);
                foreach (var m in a.Mentions) organisations.Add(m.OrganisationSlug);
                foreach (var f in a.Figures) AddFigureAndKin(f, idx, other, figures);
            }
        foreach (var slug in speakers)
        {
            ImmutableArray<QuotationRef> before = last.Index.QuotationsBySpeaker.GetValueOrDefault(slug, []), after = index.QuotationsBySpeaker.GetValueOrDefault(slug, []);
            // Every page of a speaker counts the articles quoted; when that count moves, all change.
            var articlesMoved = ArticlesQuoted(before) != ArticlesQuoted(after);
            AddChangedListPages(pages, SitePaths.Speaker(slug), PagePlanner.QuotationsPerPage, before, after,
                (x, y) => x.Article.Doc.Path == y.Article.Doc.Path && x.Quotation.Id == y.Quotation.Id, r => changedPaths.Contains(r.Article.Doc.Path), everyPage: articlesMoved);
        }
        foreach (var slug in organisations)
            AddChangedListPages(pages, SitePaths.Organisation(slug), PagePlanner.MentionsPerPage,
                last.Index.MentionsByOrganisation.GetValueOrDefault(slug, []), index.MentionsByOrganisation.GetValueOrDefault(slug, []),
                (x, y) => x.Article.Doc.Path == y.Article.Doc.Path && x.Mention.Paragraph == y.Mention.Paragraph && x.Mention.Start == y.Mention.Start,
                r => changedPaths.Contains(r.Article.Doc.Path));
        // Kin seen from the other side: a figure elsewhere that is a share of a changed one (in
        // either version), and the shares of those in turn, since each page shows what it is a share of.
        var queue = new Queue<string>(figures);
        CaseIndex[] both = [last.Index, index];
        while (queue.TryDequeue(out var id))
            foreach (var idx in both)
                foreach (var share in idx.SharesOf[id])
                    if (figures.Add(share.Id)) queue.Enqueue(share.Id);
        foreach (var id in figures) pages.Add(SitePaths.Figure(id));
        return new IncrementalPlan(pages, sources, PagePlanner.SamePages(last.Index, index) ? last.Pages : null);
    }

    /// <summary>
    /// The pages of a long list that differ: a page whose slice now holds other items, or an item
    /// of a changed article (or a share of one); every page when the list's length, and so each
    /// pager, changed. A record of 10,000 articles has hundreds of such pages; an edit touches one or two.
    /// </summary>
    private static void AddChangedListPages<T>(HashSet<string> pages, string list, int perPage,
        ImmutableArray<T> before, ImmutableArray<T> after, Func<T, T, bool> sameItem, Func<T, bool> touched, bool everyPage = false) where T : class
    {
        var count = Math.Max(1, (after.Length + perPage - 1) / perPage);
        for (var n = 1; n <= count; n++)
        {
            var end = Math.Min(after.Length, n * perPage);
            var differs = everyPage || before.Length != after.Length;
            // The same object in the same place is an unchanged row: an index brought up to date
            // keeps every entry an edit does not reach, so most rows are passed over here.
            for (var i = (n - 1) * perPage; i < end && !differs; i++)
                differs = !ReferenceEquals(before[i], after[i])
                    && (!sameItem(before[i], after[i]) || touched(before[i]) || touched(after[i]));
            if (differs) pages.Add(SitePaths.Paged(list, n));
        }
    }

    private static bool SameFigure(FigureEntry x, FigureEntry y) => x.Id == y.Id;

    /// <summary>How many articles a speaker's quotations come from: they are in the record's order, so an article's are side by side.</summary>
    private static int ArticlesQuoted(ImmutableArray<QuotationRef> quotations)
    {
        var count = 0;
        for (var i = 0; i < quotations.Length; i++)
            if (i == 0 || !ReferenceEquals(quotations[i].Article, quotations[i - 1].Article)) count++;
        return count;
    }

    private static void AddFigureAndKin(LocatedFigure f, CaseIndex index, CaseIndex other, HashSet<string> figures)
    {
        figures.Add(f.Id);
        if (index.Figures.GetValueOrDefault(f.Id) is not { } e) return;
        if (e.Of is not null) figures.Add(e.Of.Id);
        // The other figures of equal value list only the first few of their group (by id) and its size:
        // they change only if this figure is among those few, or the group grew or shrank.
        var sizeChanged = other.Figures.GetValueOrDefault(f.Id) is not { } before
            || before.Figure.Value != e.Figure.Value || before.Figure.Spec.Kind != e.Figure.Spec.Kind
            || before.SameValueCount != e.SameValueCount;
        if (sizeChanged || e.SameValueRank <= PagePlanner.SameValueShown)
            foreach (var same in e.SameValueIds) figures.Add(same);
    }

    /// <summary>
    /// The previous site with the newly rendered files laid over it, less pages and source copies
    /// the site no longer has; and the paths whose bytes changed. Only what was rendered or
    /// removed is looked at: a record of 10,000 articles has 130,000 files, an edit changes a few dozen.
    /// </summary>
    public static (ImmutableSortedDictionary<string, OutputFile> Files, ImmutableArray<string> Changed) Merge(
        BuildCache.LastSite last, ImmutableArray<OutputFile> rendered, ImmutableArray<string> allPages, CaseIndex index)
    {
        var made = rendered.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var gone = new List<string>();
        // The sitemap and the feed are there as long as the Host is set, which an increment does
        // not change (it needs the same settings); the sitemap is made again only when pages came or went.
        if (last.Pages != allPages && !last.Pages.AsSpan().SequenceEqual(allPages.AsSpan()))
        {
            var pages = allPages.ToHashSet(StringComparer.Ordinal);
            gone.AddRange(last.Pages.Where(p => !pages.Contains(p)));
        }
        // Only an article added, removed or pointed at another text can take a source away.
        if (!Versions.SameInOrder(last.Index.Articles, index.Articles, (x, y) => x.Source.Path == y.Source.Path))
        {
            var sources = index.Articles.Select(a => SitePaths.Source(a.Source.Path)).ToHashSet(StringComparer.Ordinal);
            gone.AddRange(last.Index.Articles.Select(a => SitePaths.Source(a.Source.Path)).Where(p => !sources.Contains(p)));
        }

        var builder = last.Files.ToBuilder();
        var changed = new List<string>();
        foreach (var path in gone)
            if (!made.Contains(path) && builder.Remove(path)) changed.Add(path);
        foreach (var f in rendered)
        {
            if (!last.Files.TryGetValue(f.Path, out var old) || !old.SameBytes(f)) changed.Add(f.Path);
            builder[f.Path] = f;
        }
        return (builder.ToImmutable(), [.. changed.Distinct().Order(StringComparer.Ordinal)]);
    }
}
