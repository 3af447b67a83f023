using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;

namespace CaseRecord.Tests.Support;

/// <summary>A project made of strings, with the repository's theme, built into memory.</summary>
public sealed class TestSite
{
    private readonly MemoryContentSource _source = new();

    public TestSite(bool withTheme = true)
    {
        if (!withTheme) return;
        _source.AddFolder("theme");
    }

    public MemoryContentSource Source => _source;

    public TestSite File(string path, string text)
    {
        _source.Add(path, text);
        return this;
    }

    public TestSite Seed(string name, string text) => File("seeds/" + name, text);

    public TestSite Article(string slug, string yaml, string body = "") =>
        File($"input/articles/{slug}.md", $"---\n{yaml.Trim('\n')}\n---\n{body}");

    public TestSite Speaker(string slug, string name, string extraYaml = "") =>
        File($"input/speakers/{slug}.md", $"---\nname: {name}\n{extraYaml}---\nBiography of {name}.\n");

    public TestSite Organisation(string slug, string name, string extraYaml = "") =>
        File($"input/organisations/{slug}.md", $"---\nname: {name}\n{extraYaml}---\n");

    public (BuildResult Result, MemorySink Output) Build(IReadOnlyDictionary<string, string>? settings = null)
    {
        var sink = new MemorySink();
        var result = new SiteBuilder(_source, settings ?? new Dictionary<string, string>()).Build(sink);
        return (result, sink);
    }

    /// <summary>A site of one article on one source text, built; it must build.</summary>
    public static (BuildResult Result, MemorySink Output) BuiltWithOne(string text, string articleYaml)
    {
        var built = new TestSite().Seed("a.txt", text).Article("a", "title: A\nsource: seeds/a.txt\n" + articleYaml).Build();
        Assert.True(built.Result.Succeeded, string.Join("\n", built.Result.Diagnostics));
        return built;
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static IDocument Html(MemorySink sink, string path) => new HtmlParser().ParseDocument(sink.Text(path));
}
