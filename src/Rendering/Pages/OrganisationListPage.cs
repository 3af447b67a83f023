namespace CaseRecord.Rendering.Pages;

/// <summary>The bodies mentioned, each with their number of mentions: changes with any article.</summary>
public sealed class OrganisationListPage() : SinglePage(SitePaths.Organisations, changesWithRecord: true)
{
    protected override PageSpec Build(PageContext c)
    {
        const string path = SitePaths.Organisations;
        var index = c.Index;
        var items = index.Organisations.Select(o => new OrganisationSummaryView(o.Name, c.Href(path, SitePaths.Organisation(o.Slug)),
            index.MentionsByOrganisation.GetValueOrDefault(o.Slug, []).Length)).ToList();
        const string description = "Bodies mentioned in the record.";
        return new PageSpec(path, "organisations", "Organisations", description, "organisations",
            new ListView<OrganisationSummaryView>("Organisations", items), PageContext.Meta(c.Data.CollectionPage(path, "Organisations", description)));
    }
}
