using System.Collections.Immutable;

namespace CaseRecord.Model;

/// <summary>
/// What changed between two versions of the record, as the index update found it: the page kinds
/// read it to choose the pages to make again. <see cref="Before"/> is null when there is nothing to
/// compare with (a first build, or a full join): then every page counts as changed.
/// </summary>
/// <remarks>
/// The update's promise, which the page kinds rely on: the settings, home page, speakers and
/// organisations are those of <see cref="Before"/>; an article not listed in <see cref="Articles"/>
/// is its last analysis; an entry is the very object it was unless its figure is listed in
/// <see cref="Figures"/> or its value in <see cref="ValueGroups"/>.
/// </remarks>
/// <param name="Articles">Paths of the articles added, removed or changed.</param>
/// <param name="Figures">Ids of the figures added, removed, or whose rows show something new: the figure, its article or what it is a share of changed.</param>
/// <param name="ValueGroups">The values (with their kinds and currencies) whose groups of equal figures gained or lost a member.</param>
/// <param name="Speakers">Slugs of the speakers whose list of quotations changed.</param>
/// <param name="Organisations">Slugs of the organisations whose list of mentions changed.</param>
public sealed record IndexDelta(
    CaseIndex? Before,
    ImmutableHashSet<string> Articles,
    ImmutableHashSet<string> Figures,
    ImmutableHashSet<ValueKey> ValueGroups,
    ImmutableHashSet<string> Speakers,
    ImmutableHashSet<string> Organisations)
{
    /// <summary>Nothing to compare with: every page is new.</summary>
    public static readonly IndexDelta Everything = new(null, [], [], [], [], []);

    public bool IsEverything => Before is null;

    public bool ArticleChanged(Analysis.AnalysedArticle a) => Articles.Contains(a.Doc.Path);

    public bool FigureChanged(string id) => Figures.Contains(id);
}
