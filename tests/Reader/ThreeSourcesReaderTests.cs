using CaseRecord.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Reader;

/// <summary>
/// The golden three-sources site (tests/sites/three-sources) as a reader meets it: the pages only a
/// record of several sources has (a fact three sources agree on, one two sources give differently,
/// statements listed by source, a person only mentioned) must pass the same accessibility checks
/// as the seed's, in both schemes, and fit a phone.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ThreeSourcesReaderTests(ThreeSourcesSiteFixture site, ITestOutputHelper output) : IClassFixture<ThreeSourcesSiteFixture>
{
    private static readonly string[] Pages =
    [
        "", "articles/bridge-closed/", "articles/repairs-begin/", "articles/valley-news/", "figures/",
        "figures/daily-vehicles/", "figures/repair-cost/", "figures/closure-date/", "speakers/", "speakers/dana-okafor/",
        "organisations/millbrook-council/", "timeline/",
    ];

    [BrowserTheory(Needs.Axe)]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_pages_of_several_sources_pass_axe_core_for_wcag_2_2_aa(ColorScheme scheme)
    {
        var failures = await site.AxeFailures(Pages, scheme);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task No_page_of_several_sources_scrolls_sideways_at_320_css_pixels()
    {
        var wide = await site.TooWide(Pages, 320);
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    [BrowserFact]
    public async Task Screenshots_of_a_fact_several_sources_state_at_phone_and_desktop_widths() =>
        output.WriteLine("screenshots in " + await site.Screenshots([("three-sources-figure-differ", "figures/daily-vehicles/"), ("three-sources-article", "articles/repairs-begin/")]));
}
