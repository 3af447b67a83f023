namespace CaseRecord.Rendering.Pages;

/// <summary>Everyone quoted, each with their number of quotations: changes with any article.</summary>
public sealed class SpeakerListPage() : SinglePage(SitePaths.Speakers, changesWithRecord: true)
{
    protected override PageSpec Build(PageContext c)
    {
        const string path = SitePaths.Speakers;
        var model = new ListView<SpeakerSummaryView>("Speakers", c.Index.Speakers.Select(s => c.SpeakerSummary(path, s)).ToList());
        const string description = "Everyone quoted in the record, with all their quotations.";
        return new PageSpec(path, "speakers", "Speakers", description, "speakers", model, PageContext.Meta(c.Data.CollectionPage(path, "Speakers", description)));
    }
}
