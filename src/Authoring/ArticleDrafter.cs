using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Authoring;

/// <summary>What a draft article holds besides its source: the suggestions the text gives.</summary>
public sealed record ArticleFindings(
    string Slug,
    SourceText Source,
    string Title,
    IReadOnlyList<(Paragraph Paragraph, string Why)> Furniture,
    IReadOnlyList<SpeakerSuggestion> Speakers,
    IReadOnlyList<SpeakerSuggestion> NewNames,
    IReadOnlyList<FigureSuggestion> Figures)
{
    /// <summary>The articles that already have this source (one per source text is the rule; a second is allowed).</summary>
    public IReadOnlyList<string> SameSource { get; init; } = [];
}

/// <summary>
/// Reads a seed the way the build will, with the project's speakers and organisations, so every
/// suggestion is what the build itself finds: the speakers attribution reaches, the numbers it
/// would warn about, and the paragraphs that look like the page around the story.
/// </summary>
public sealed class ArticleDrafter(IContentSource project)
{
    private const int SlugWords = 6;
    private const int TitleLength = 120;

    /// <summary>The findings, or the one-line reason there are none (the seed is missing, not in seeds/, not UTF-8; no slug).</summary>
    public (ArticleFindings? Findings, string? Error) Draft(string seedPath, string? slug)
    {
        var loaded = new ContentLoader(project, new Dictionary<string, string>()).Load();
        var path = ProjectPath.Normalise(seedPath) ?? seedPath;
        var read = new DiagnosticList();
        var source = SeedReader.Read(project, Doc("draft", path, []), read);
        if (source is null) return (null, read.ToImmutable().First(d => d.IsError).Message);
        if (source.Paragraphs.IsEmpty) return (null, $"'{path}' has no text");

        slug ??= DefaultSlug(path, source);
        if (!Slug.IsValid(slug)) return (null, $"'{slug}' is not a valid slug: {Slug.Rule}; give one with --slug");

        // One omission stands for every paragraph of the same words.
        var furniture = FurnitureLines.Find(source.Paragraphs).DistinctBy(f => f.Paragraph.Text, StringComparer.Ordinal).ToList();
        var doc = Doc(slug, path, [.. furniture.Select(f => new Located<string>(f.Paragraph.Text, Nowhere))]);
        var context = new AnalysisContext(loaded.Speakers, loaded.Organisations, loaded.Settings.QuoteMarks);
        var analysed = new ArticleAnalyser(context).Analyse(new LoadedArticle(doc, source, ""));
        var (known, named) = SpeakerSuggestions.From(analysed);
        var taken = loaded.Articles.SelectMany(a => a.Doc.Figures).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var figures = FigureSuggestions.From(analysed.Paragraphs, taken);
        var sameSource = loaded.Articles.Where(a => a.Source.Path == source.Path).Select(a => a.Doc.Path).ToList();
        return (new ArticleFindings(slug, source, Title(analysed.Paragraphs), furniture, known, named, figures) { SameSource = sameSource }, null);
    }

    private static readonly SourcePosition Nowhere = new("(draft)", 1, 1);

    private static ArticleDoc Doc(string slug, string seed, ImmutableArray<Located<string>> omit) =>
        new(slug, $"input/articles/{slug}.md", "draft", new Located<string>(seed, Nowhere), null, null, null, null,
            omit, [], [], [], [], "", ImmutableDictionary<string, object?>.Empty);

    /// <summary>From the seed's file name when it has words ("council-vote.txt"), else from the text's first words (a name such as "000_fbf6e240cee8247d" is an export's, not a title).</summary>
    private static string DefaultSlug(string path, SourceText source)
    {
        var fromName = SlugMaker.From(ProjectPath.FileStem(path));
        if (fromName.Split('-').Any(w => w.Length >= 3 && w.All(char.IsAsciiLetter))) return fromName;
        return SlugMaker.From(source.Paragraphs[0].Text, SlugWords);
    }

    /// <summary>The first sentence of the first paragraph shown, cut at a word near <see cref="TitleLength"/> characters.</summary>
    private static string Title(ImmutableArray<Paragraph> paragraphs)
    {
        var first = paragraphs.FirstOrDefault(p => !p.Omitted) ?? paragraphs[0];
        var (start, end) = SentenceSplitter.SentenceAt(first.Text, 0);
        var sentence = first.Text[start..end].Trim();
        if (sentence.Length <= TitleLength) return sentence;
        var cut = sentence.LastIndexOf(' ', TitleLength);
        return sentence[..(cut > 0 ? cut : TitleLength)] + "…";
    }
}
