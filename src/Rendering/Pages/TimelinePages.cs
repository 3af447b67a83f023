using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>The dated events in order, <see cref="PerPage"/> to a page.</summary>
// An event shows its figure's entry and its speaker (speakers never change in a delta).
public sealed class TimelinePages() : FigureEntryListPages(SitePaths.Timeline, PerPage, index => index.Timeline)
{
    public const int PerPage = 200;

    protected override PageSpec Build(PageContext c, string path, IEnumerable<FigureEntry> items, int total, PagerView? pager)
    {
        var events = items.ToList();
        var model = new ListView<TimelineEventView>("Timeline", events.Select(e => c.TimelineEvent(path, e)).ToList(), pager);
        var title = Paged.Title("Timeline", pager);
        return new PageSpec(path, "timeline", title, "The dated events of the record in order, each traced to the paragraph that states it; a date the editors worked out is marked.", "timeline", model,
            PageContext.Meta(c.Data.Timeline(pager is null ? c.Index.Timeline : [.. events])));
    }
}
