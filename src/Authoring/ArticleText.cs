using System.Text;

namespace CaseRecord.Authoring;

/// <summary>
/// The front matter of a drafted article: what is certain as keys (source, sha256, the speakers
/// attribution found), what the editor must write marked as such, and the rest as comments to
/// take up or delete. It builds as it is.
/// </summary>
public static class ArticleText
{
    public const string Command = "dotnet run -- new speaker";

    public static string Compose(ArticleFindings f)
    {
        var s = new StringBuilder();
        var paragraphs = f.Source.Paragraphs.Length;
        s.Append("---\n");
        s.Append($"# Drafted from {f.Source.Path} by 'dotnet run -- new article'. Edit what is marked TO EDIT; the comments are suggestions.\n");
        s.Append($"title: {YamlText.Quote(f.Title)}   # TO EDIT: the headline (this is the text's first sentence)\n");
        s.Append($"source: {f.Source.Path}\n");
        s.Append($"sha256: {f.Source.Sha256}\n");
        s.Append($"# The text has {paragraphs} paragraph{(paragraphs == 1 ? "" : "s")}, p1 to p{paragraphs}.\n");
        s.Append("# publisher: \"\"   # who published it\n");
        s.Append("# published: YYYY-MM-DD\n");

        if (f.Furniture.Count > 0)
        {
            s.Append("# Paragraphs that look like the web page rather than the story: not shown. Delete a line to keep its paragraph.\n");
            s.Append("omit:\n");
            foreach (var (p, why) in f.Furniture)
            {
                var same = f.Source.Paragraphs.Where(o => o.Text == p.Text).Select(o => o.Number).ToList();
                s.Append($"  - {YamlText.Quote(p.Text)}   # {Anchors(same)}: {why}\n");
            }
        }

        if (f.Speakers.Count > 0)
        {
            s.Append("# Quoted, as speech cues and pronouns read the text:\n");
            s.Append($"speakers: [{string.Join(", ", f.Speakers.Select(k => k.Slug))}]   # {string.Join("; ", f.Speakers.Select(k => $"{k.Slug} in {Anchors(k.Paragraphs)}"))}\n");
        }
        if (f.NewNames.Count > 0)
        {
            s.Append("# Quoted by name, with no speaker file yet: make one, then add its slug to 'speakers':\n");
            foreach (var n in f.NewNames) s.Append($"#   {Command} {YamlText.Quote(n.Name!)}   # {Anchors(n.Paragraphs)}\n");
        }

        s.Append("figures:\n");
        if (f.Figures.Count > 0)
        {
            s.Append("  # The numbers of the text. To make one a key figure, take '# ' off the start of its lines and edit its label.\n");
            foreach (var fig in f.Figures)
            {
                s.Append($"  # - id: {fig.Id}\n");
                s.Append($"  #   label: {YamlText.Quote(Capitalised(fig.Label))}   # TO EDIT: what the number counts\n");
                if (fig.Kind is { } kind) s.Append($"  #   kind: {kind}\n");
                s.Append($"  #   match: {YamlText.Quote(fig.Match)}   # p{fig.Paragraph}\n");
                if (fig.Occurrence is { } n) s.Append($"  #   occurrence: {n}\n");
            }
        }
        s.Append("---\n");
        return s.ToString();
    }

    private static string Anchors(IReadOnlyList<int> paragraphs) => string.Join(", ", paragraphs.Select(p => $"p{p}"));

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
