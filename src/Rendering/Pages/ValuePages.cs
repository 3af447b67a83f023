using System.Collections.Immutable;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// Every figure of one value, <see cref="PerPage"/> to a page: for a value shared by more figures
/// than a figure's page lists (<see cref="FigurePages.SameValueShown"/>), which then links here, so
/// a year that a thousand figures share is listed once, not a thousand times.
/// </summary>
public sealed class ValuePages() : NamedListPages<ValueGroup, FigureEntry>(SitePaths.Values, PerPage,
    index => index.ValueGroupsByName.Values.Where(Listed).OrderBy(g => g.Name, StringComparer.Ordinal),
    (index, name) => index.ValueGroupsByName.GetValueOrDefault(name) is { } g && Listed(g) ? g : null,
    g => g.Name, Members, Reached, e => e.Id, PageContext.FigureRowChanged)
{
    public const int PerPage = 200;

    /// <summary>Whether a value has its own page: when its figures' pages cannot list all the others.</summary>
    public static bool Listed(ValueGroup g) => g.Ids.Length - 1 > FigurePages.SameValueShown;

    private static ImmutableArray<FigureEntry> Members(CaseIndex index, string name) =>
        index.ValueGroupsByName.GetValueOrDefault(name) is { } g && Listed(g)
            ? [.. g.Ids.Select(id => index.Figures.GetValueOrDefault(id)).OfType<FigureEntry>()] : [];

    /// <summary>
    /// The values whose groups gained or lost a figure, and those of every figure the delta names:
    /// a figure whose value changed left one group and joined another (both in the first set), so
    /// its value before is enough for the rest.
    /// </summary>
    private static IEnumerable<string> Reached(IndexDelta delta)
    {
        var names = new HashSet<string>(delta.ValueGroups.Select(k => k.Name), StringComparer.Ordinal);
        foreach (var id in delta.Figures)
            if (delta.Before!.Figures.GetValueOrDefault(id) is { } e) names.Add(ValueKey.Of(e.Figure).Name);
        return names;
    }

    protected override PageSpec Build(PageContext c, ValueGroup g, string path, IReadOnlyList<FigureEntry> items, int total, PagerView? pager)
    {
        // Any member shows the value the same way (an id whose figure the index left out, an 'of' in a cycle, is passed over).
        var first = g.Ids.Select(id => c.Index.Figures.GetValueOrDefault(id)).OfType<FigureEntry>().FirstOrDefault()?.Figure;
        var value = first is null ? ValueFormatter.Value(g.Key.Value, g.Key.Kind) : ValueFormatter.Canonical(first);
        var title = Paged.Title($"Figures with the value {value}", pager);
        var model = new ValueListView(title, value, total, [.. items.Select(e => c.FigureRow(path, e))], pager);
        var description = $"The {total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} key figures in the record whose value is {value}, each with the words that state it.";
        // A theme from before value pages lays them out as the figures list (the view has its title, items and pager).
        return new PageSpec(path, "values", title, description, "figures", model, PageContext.Meta(c.Data.CollectionPage(path, title, description))) { Fallback = "figures" };
    }
}
