using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Model;

/// <summary>The post-processing stage: joins finished article analyses into one record.</summary>
public static class CaseIndexer
{
    public static (CaseIndex Index, ImmutableArray<Diagnostic> Diagnostics) Index(
        LoadedProject project, ImmutableArray<AnalysedArticle> analysed)
    {
        var diagnostics = new DiagnosticList();

        // Newest first; undated articles last; then by title for a stable order.
        var articles = analysed
            .OrderByDescending(a => a.Doc.Published is not null)
            .ThenByDescending(a => a.Doc.Published)
            .ThenBy(a => a.Doc.Title, StringComparer.Ordinal)
            .ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToImmutableArray();

        var speakers = UniqueBySlug(project.Speakers, s => s.Slug, s => s.Path, "speaker", diagnostics)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToImmutableArray();
        var organisations = UniqueBySlug(project.Organisations, o => o.Slug, o => o.Path, "organisation", diagnostics)
            .OrderBy(o => o.Name, StringComparer.Ordinal).ToImmutableArray();
        var orgSlugs = organisations.Select(o => o.Slug).ToHashSet();
        foreach (var s in speakers)
            if (s.Organisation is { } org && !orgSlugs.Contains(org.Value))
                diagnostics.Error(org.At, $"unknown organisation '{org.Value}': add input/organisations/{org.Value}.md or correct the slug");

        // Three joins that read only the sorted articles: side by side.
        IReadOnlyDictionary<string, FigureEntry> figures = null!;
        ImmutableDictionary<string, ImmutableArray<QuotationRef>> bySpeaker = null!;
        ImmutableDictionary<string, ImmutableArray<MentionRef>> byOrganisation = null!;
        Parallel.Invoke(
            () => figures = IndexFigures(articles, diagnostics),
            () => bySpeaker = articles
                .SelectMany(a => a.Quotations.Where(q => q.IsSpeech && q.SpeakerSlug is not null).Select(q => new QuotationRef(a, q)))
                .GroupBy(r => r.Quotation.SpeakerSlug!)
                .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray()),
            () => byOrganisation = articles
                .SelectMany(a => a.Mentions.Select(m => new MentionRef(a, m)))
                .GroupBy(r => r.Mention.OrganisationSlug)
                .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray()));

        var inOrder = articles.SelectMany(a => a.Figures.Select(f => figures.GetValueOrDefault(f.Id)))
            .OfType<FigureEntry>().Distinct(ReferenceEqualityComparer.Instance).Cast<FigureEntry>().ToImmutableArray();
        var timeline = inOrder
            .Where(e => e.Figure.Spec.Event is not null && e.Figure.Spec.Kind is FigureKind.Year or FigureKind.Date)
            .OrderBy(e => e.Figure.Value)
            .ThenBy(e => e.Article.Slug, StringComparer.Ordinal)
            .ThenBy(e => e.Figure.Paragraph)
            .ToImmutableArray();

        var index = new CaseIndex(project.Settings, project.Home, articles, speakers, organisations,
            figures, inOrder, bySpeaker, byOrganisation, timeline);
        return (index, diagnostics.ToImmutable());
    }

    private static IReadOnlyDictionary<string, FigureEntry> IndexFigures(ImmutableArray<AnalysedArticle> articles, DiagnosticList diagnostics)
    {
        var located = new Dictionary<string, (LocatedFigure Figure, AnalysedArticle Article)>(StringComparer.Ordinal);
        foreach (var a in articles)
            foreach (var f in a.Figures)
            {
                if (located.TryGetValue(f.Id, out var first))
                {
                    if (first.Article != a)
                        diagnostics.Error(f.Spec.IdAt, $"duplicate figure id '{f.Id}' (also at {first.Figure.Spec.IdAt}); ids must be unique across the site");
                    continue;
                }
                located[f.Id] = (f, a);
            }

        // Resolve 'of' chains; a cycle or an unknown id is the editor's to fix.
        var entries = new Dictionary<string, FigureEntry>(StringComparer.Ordinal);
        var sameValue = located.Values
            .GroupBy(x => (x.Figure.Value, x.Figure.Spec.Kind))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Figure.Id).Order(StringComparer.Ordinal).ToImmutableArray());
        // Each group's one array is shared by all its members (see FigureEntry.SameValueGroup).

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
                    diagnostics.Error(ofRef.At, $"figure '{id}': 'of' names no figure '{ofRef.Value}'; use the id of another key figure");
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
            var entry = new FigureEntry(x.Figure, x.Article, of, percent, sameValue[(x.Figure.Value, x.Figure.Spec.Kind)]);
            entries[id] = entry;
            return entry;
        }

        var ids = located.Keys.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids) Resolve(id, visiting);
        // Never changed after this point; a plain dictionary builds and reads several times faster
        // than an immutable one at a hundred thousand figures.
        return entries;
    }

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
