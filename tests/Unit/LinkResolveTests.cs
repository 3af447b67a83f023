using CaseRecord.Checks;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit;

namespace CaseRecord.Tests.Unit;

public sealed class LinkResolveTests
{
    [Theory]
    [InlineData("figures/a/index.html", "../../articles/x/", "articles/x/index.html")]
    [InlineData("figures/a/index.html", "../../", "index.html")]
    [InlineData("index.html", "articles/", "articles/index.html")]
    [InlineData("index.html", "assets/site.css", "assets/site.css")]
    [InlineData("articles/x/index.html", "../../../x/", null)]
    [InlineData("articles/x/index.html", "", "articles/x/index.html")]
    [InlineData("articles/x/index.html", "a/../b/", "articles/x/b/index.html")]
    [InlineData("articles/x/index.html", "%2e%2e/", "articles/index.html")]
    public void Resolves_links_like_a_browser(string from, string link, string? expected) =>
        Assert.Equal(expected, LinkValidator.Resolve(from, link));

    [Fact]
    public void The_fast_path_agrees_with_resolving_segment_by_segment()
    {
        string[] pieceList = ["../", "a/", "b", ".", "..", "/", "./", "%2e", "index.html", "c.css", "?", "#x", "\\"];
        var pieces = Gen.Int[0, pieceList.Length - 1].Select(i => pieceList[i]);
        string[] pageList = ["index.html", "a/index.html", "a/b/index.html", "a/b/c/index.html", "404.html"];
        var pages = Gen.Int[0, pageList.Length - 1].Select(i => pageList[i]);
        Gen.Select(pages, pieces.Array[0, 8]).Sample((page, parts) =>
        {
            var link = string.Concat(parts);
            Assert.Equal(LinkValidator.ResolveBySegments(page, link), LinkValidator.Resolve(page, link));
        }, iter: 20_000);
    }

    [Fact]
    public void Attributes_are_found_as_the_regular_expressions_of_the_specification_find_them()
    {
        // The scanner replaced these two expressions for speed; they remain the definition.
        var link = new Regex("""\s(?:href|src)="([^"]*)"|\s(?:href|src)='([^']*)'""");
        var id = new Regex("""\sid="([^"]*)"|\sid='([^']*)'""");
        string[] pieceList = [" ", "\n", "\u00a0", "href=", "src=", "id=", "data-src=", "\"", "'", "a", "<p", ">", "=", "&amp;", "HREF="];
        var pieces = Gen.Int[0, pieceList.Length - 1].Select(i => pieceList[i]);
        pieces.Array[0, 24].Select(string.Concat).Sample(html =>
        {
            var links = new List<string>();
            var offsets = new List<int>();
            LinkValidator.Links(html, links, offsets);
            var expected = link.Matches(html).Select(m => (m.Index + 1, m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToList();
            Assert.Equal(expected, offsets.Zip(links).ToList());
            var ids = id.Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToList();
            Assert.Equal(ids, LinkValidator.Ids(html));
        }, iter: 50_000);
    }

    [Fact]
    public void Links_checked_from_their_characters_report_what_links_worked_out_as_strings_report()
    {
        // Pages of three depths linking among themselves, to fragments that exist and do not, with
        // encoded and repeated links: the checker that reads plain links from the page's characters
        // must find the same problems at the same places as the one that makes each a string.
        string[] pageList = ["index.html", "404.html", "a/index.html", "b/index.html", "a/x/index.html", "b/y/index.html"];
        string[] linkList = ["#main", "#p1", "#p9", "#", "../", "../../", "../../a/", "../../a/#p1", "../../a/#p9", "../b/#p2", "a/", "a/x/#p1", "x/", "../../../", "../../nope/", "https://e.org/", "&#35;p1", "../../b/y/index.html#p1", "?q#p1", "../../a/x/#p%31", "/a/",
            "index.html#p2", "a/x/index.html#p3", "../a/index.html#p1", "../../a/x/index.html#p70", "#p1#x", "./a/", "a/./x/", "a/x/..", "../b", "../../b/y/", "../../404.html#main", "a//x/"];
        var page = Gen.Int[0, pageList.Length - 1];
        var link = Gen.Int[0, linkList.Length - 1];
        var ids = Gen.OneOf(Gen.Int[1, 3], Gen.Const(70));
        var site = Gen.Select(page, ids, link.Array[0, 6]).Array[1, 12];
        HashSet<string> files = [.. pageList];
        site.Sample(made =>
        {
            string Html(int ids, int[] links) =>
                "<main id=\"main\">" + string.Concat(Enumerable.Range(1, ids).Select(n => $"<p id=\"p{n}\"></p>\n")) +
                string.Join("\n", links.Select(l => $"<a href=\"{linkList[l]}\">x</a>")) + "</main>";
            var plain = new LinkChecker(files.Contains, CaseRecord.Content.SiteSettings.Default, existsSpan: LinkChecker.In(files));
            var afresh = new LinkChecker(files.Contains, CaseRecord.Content.SiteSettings.Default);
            foreach (var (p, n, links) in made.DistinctBy(m => m.Item1))
            {
                plain.Scan(pageList[p], Html(n, links));
                afresh.Scan(pageList[p], Html(n, links));
            }
            string Says(CaseRecord.Diagnostics.Diagnostic d) => $"{d.At.Path}:{d.At.Line}:{d.At.Column} {d.Message}";
            Assert.Equal(afresh.Finish().Select(Says).Order(), plain.Finish().Select(Says).Order());
        }, iter: 3_000);
    }
}
