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
}
