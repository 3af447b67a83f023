using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// A key figure's page: the sentence that states it, who said it, what it is a share of, the
/// first <see cref="SameValueShown"/> figures of the same value (and how many there are), and the
/// figures that are shares of it.
/// </summary>
public sealed class FigurePages : IPageKind
{
    /// <summary>How many figures of equal value a page lists (a common year is shared by thousands: the rest are on the value's page, <see cref="ValuePages"/>).</summary>
    public const int SameValueShown = 5;

    public IEnumerable<PagePlan> Pages(PageContext c) => c.Index.FiguresInOrder.Select(e => new PagePlan(SitePaths.Figure(e.Id), () => Build(c, e)));

    public PagePlan? Page(PageContext c, string path) =>
        path.Split('/') is ["figures", var id, "index.html"] && c.Index.Figures.GetValueOrDefault(id) is { } e
            ? new PagePlan(path, () => Build(c, e)) : null;

    public IEnumerable<string> Affected(PageContext c, IndexDelta delta)
    {
        var index = c.Index;
        var before = delta.Before!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Group(FigureEntry e) { foreach (var id in e.SameValueGroup) ids.Add(id); }
        foreach (var id in delta.Figures)
        {
            // Its own page; the pages listing it as a share (before and after); and, if it is among
            // the first of its value, the pages of that value, which list it.
            ids.Add(id);
            foreach (var e in new[] { before.Figures.GetValueOrDefault(id), index.Figures.GetValueOrDefault(id) }.OfType<FigureEntry>())
            {
                if (e.Of is not null) ids.Add(e.Of.Id);
                if (e.SameValueRank <= SameValueShown) Group(e);
            }
        }
        // A value's figures gained or lost one: each page of the value shows the count.
        foreach (var key in delta.ValueGroups)
            if (index.SameValueGroups is { } groups && groups.TryGetValue(key, out var members)) ids.UnionWith(members);
        return ids.Where(index.Figures.ContainsKey).Select(SitePaths.Figure);
    }

    public bool SamePaths(PageContext c, IndexDelta delta) => Versions.SameInOrder(delta.Before!.FiguresInOrder, c.Index.FiguresInOrder, (x, y) => x.Id == y.Id);

    private static PageSpec Build(PageContext c, FigureEntry e)
    {
        var index = c.Index;
        var path = SitePaths.Figure(e.Id);
        var f = e.Figure;
        var a = e.Article;
        var anchor = $"p{f.Paragraph}";
        var speaker = f.SpeakerSlug is { } slug ? c.SpeakerLink(path, slug) : null;
        var same = e.SameValueIds.Take(SameValueShown).Select(id => index.Figures.GetValueOrDefault(id)).OfType<FigureEntry>().Select(x => c.FigureRow(path, x)).ToList();
        var shares = index.SharesOf[e.Id].Select(x => c.FigureRow(path, x)).ToList();
        var model = new FigureView(e.Id, f.Spec.Label, ValueFormatter.Value(f), ValueFormatter.Kind(f.Spec.Kind),
            f.Spec.Match.Value, f.Sentence, f.Spec.Event,
            new LinkView($"Paragraph {f.Paragraph}", c.Href(path, SitePaths.Article(a.Slug), anchor)),
            new LinkView(a.Doc.Title, c.Href(path, SitePaths.Article(a.Slug))), a.Doc.Publisher, a.Doc.Published?.Display,
            speaker,
            e.Of is null ? null : new LinkView(e.Of.Figure.Spec.Label, c.Href(path, SitePaths.Figure(e.Of.Id))),
            e.Of is null ? null : ValueFormatter.Value(e.Of.Figure),
            e.Percent is { } pc ? ValueFormatter.Percent(pc) : null,
            e.Percent is { } pn ? Math.Round(Math.Clamp(pn, 0, 100), 1) : null,
            same, e.SameValueCount, shares,
            // A fact's note is the figure file's; an article's own statement may add its own.
            c.Markdown.ToHtml(string.Join("\n\n", new[] { e.Case?.NoteMarkdown, f.Spec.NoteMarkdown }.Where(n => !string.IsNullOrWhiteSpace(n)))))
        {
            EditorialValue = Editorial.IsEditorialValue(e), PublishedBasis = a.Doc.PublishedBasis,
            SameValueHref = e.SameValueCount > SameValueShown ? c.Href(path, SitePaths.Value(ValueKey.Of(f).Name)) : null,
            Statements = e.Case is null ? [] : [.. e.Statements.Select(st => Statement(c, path, e, st))],
            Sources = e.Sources, Differs = e.Differs, Settled = Editorial.IsSettled(e), OtherValues = Editorial.OtherValues(e),
        };
        var value = ValueFormatter.Value(f);
        var description = e.Differs
            ? $"{f.Spec.Label}: {value}{(model.Settled ? ", the editors' figure" : "")}; the {e.Sources} sources that state it differ."
            : e.Sources > 1 ? $"{f.Spec.Label}: {value}, as stated by {e.Sources} sources."
            : model.EditorialValue
            ? $"{f.Spec.Label}: {value}, the editors' figure from the words of “{a.Doc.Title}”."
            : $"{f.Spec.Label}: {value}, as stated in “{a.Doc.Title}”.";
        return new PageSpec(path, "figure", $"{value}: {f.Spec.Label}", description, "figures", model, PageContext.Meta(c.Data.Figure(e)));
    }

    /// <summary>An article's statement of a fact of the case: its value as that article gives it, in its sentence.</summary>
    private static StatementView Statement(PageContext c, string path, FigureEntry e, FigureStatement st)
    {
        var (f, a) = (st.Figure, st.Article);
        return new StatementView(ValueFormatter.Value(f), f.Spec.Match.Value, f.Sentence,
            new LinkView($"Paragraph {f.Paragraph}", c.Href(path, SitePaths.Article(a.Slug), $"p{f.Paragraph}")),
            new LinkView(a.Doc.Title, c.Href(path, SitePaths.Article(a.Slug))), a.Doc.Publisher, a.Doc.Published?.Display, a.Doc.PublishedBasis,
            f.SpeakerSlug is { } slug ? c.SpeakerLink(path, slug) : null,
            !Model.FigureStatement.SameValue(f, e.Figure), Editorial.IsEditorialValue(f));
    }
}
