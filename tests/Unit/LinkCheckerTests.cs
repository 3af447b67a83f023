using CaseRecord.Checks;
using CaseRecord.Content;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// Fragments are checked as soon as their page's ids are known, or at the end when the page comes
/// later; either way a broken one is reported once, at its first place in path order, whatever
/// order the pages were made in.
/// </summary>
public sealed class LinkCheckerTests
{
    private static readonly HashSet<string> Pages = ["a/index.html", "b/index.html", "c/index.html", "d/index.html"];

    private static LinkChecker Checker() => new(Pages.Contains, SiteSettings.Default);

    private static string Page(string ids, params string[] links) =>
        $"<main id=\"main\">{ids}\n" + string.Join("\n", links.Select(l => $"<a href=\"{l}\">x</a>")) + "</main>";

    [Fact]
    public void Fragments_of_earlier_later_and_the_same_page_are_all_checked()
    {
        var checker = Checker();
        checker.Scan("b/index.html", Page("<p id=\"p1\"></p>", "../a/#p1", "../a/#p9", "../c/#p1", "../c/#p9", "#p1", "#p9", "#main"));
        checker.Scan("a/index.html", Page("<p id=\"p1\"></p>"));
        checker.Scan("c/index.html", Page("<p id=\"p1\"></p>"));
        var found = checker.Finish();
        Assert.Equal(3, found.Length);
        Assert.All(found, d => Assert.Equal("output/b/index.html", d.At.Path));
        Assert.Contains(found, d => d.Message == "broken link '../a/#p9': a/index.html has no element with id 'p9'");
        Assert.Contains(found, d => d.Message == "broken link '../c/#p9': c/index.html has no element with id 'p9'");
        Assert.Contains(found, d => d.Message == "broken link '#p9': b/index.html has no element with id 'p9'");
        Assert.Equal([3, 5, 7], found.Select(d => d.At.Line).Order());
    }

    [Theory]
    [InlineData("a", "b", "c", "d")]
    [InlineData("d", "c", "b", "a")]
    [InlineData("c", "a", "d", "b")]
    [InlineData("b", "d", "a", "c")]
    public void A_broken_fragment_is_reported_once_at_its_first_place_in_any_order(params string[] order)
    {
        // b, c and d link to a's missing #p9: some are made before a, some after.
        var checker = Checker();
        foreach (var name in order)
            checker.Scan($"{name}/index.html", name == "a" ? Page("<p id=\"p1\"></p>") : Page("", "../a/#p1", "../a/#p9"));
        var found = Assert.Single(checker.Finish());
        Assert.Equal("output/b/index.html", found.At.Path);
        Assert.Equal((3, 4), (found.At.Line, found.At.Column));
        Assert.Equal("broken link '../a/#p9': a/index.html has no element with id 'p9' (and 2 other pages)", found.Message);
    }
}
