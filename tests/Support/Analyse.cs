using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Tests.Support;

/// <summary>Analyses one article from strings, with no disk and no theme.</summary>
public static class Analyse
{
    public static AnalysedArticle Text(string text, string speakersYaml = "", string extraYaml = "", params (string Slug, string Name, string[] Aliases)[] speakers) =>
        Text(text, QuoteMarks.Double, speakersYaml, extraYaml, speakers);

    /// <summary>The same, finding quotations in the given marks.</summary>
    public static AnalysedArticle Text(string text, QuoteMarks marks, string speakersYaml = "", string extraYaml = "", params (string Slug, string Name, string[] Aliases)[] speakers)
    {
        var yaml = $"title: Test\nsource: seeds/t.txt\n{speakersYaml}{extraYaml}";
        var diagnostics = new DiagnosticList();
        var doc = DocumentReaders.ReadArticle("input/articles/t.md", $"---\n{yaml}\n---\n", diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.ToImmutable()));
        var source = new SourceText("seeds/t.txt", TextNormaliser.Normalise(text), "");
        var docs = speakers.Select(s => new SpeakerDoc(s.Slug, $"input/speakers/{s.Slug}.md", s.Name, null, null, [.. s.Aliases], "",
            System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty));
        var context = new AnalysisContext(docs, [], marks);
        return new ArticleAnalyser(context).Analyse(new LoadedArticle(doc, source, "test"));
    }

    public static (string Slug, string Name, string[] Aliases) Person(string slug, string name, params string[] aliases) => (slug, name, aliases);
}
