using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>Every key figure in the record's order, a row each, <see cref="PerPage"/> to a page.</summary>
public sealed class FigureListPages() : FigureEntryListPages(SitePaths.Figures, PerPage, index => index.FiguresInOrder)
{
    public const int PerPage = 200;

    protected override PageSpec Build(PageContext c, string path, IEnumerable<FigureEntry> items, int total, PagerView? pager)
    {
        var model = new ListView<FigureRowView>("Key figures", items.Select(f => c.FigureRow(path, f)).ToList(), pager);
        const string description = "The numbers in the record, each traced to the words that state it; editors' figures are marked.";
        var title = Paged.Title("Key figures", pager);
        return new PageSpec(path, "figures", title, description, "figures", model, PageContext.Meta(c.Data.CollectionPage(path, title, description)));
    }
}
