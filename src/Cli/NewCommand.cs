using CaseRecord.Authoring;
using CaseRecord.Content;

namespace CaseRecord.Cli;

/// <summary>
/// <c>new article|speaker|organisation</c>: writes the file an editor would otherwise start by
/// hand, filled with what the text supports, and never over a file that exists. Exit 0 when
/// written, 1 when the file exists, 2 when the arguments are wrong (no such seed, no slug).
/// </summary>
public sealed class NewCommand(TextWriter stdout, TextWriter stderr)
{
    public int Article(string root, string seed, string? slug)
    {
        if (!Directory.Exists(root)) return Usage($"project folder '{root}' does not exist");
        if (slug is not null && !Slug.IsValid(slug)) return Usage($"--slug '{slug}' is not a valid slug: {Slug.Rule}");
        var (findings, error) = new ArticleDrafter(new DiskContentSource(root)).Draft(SeedPath(root, seed), slug);
        if (findings is null) return Usage(error!);
        var path = $"input/articles/{findings.Slug}.md";
        if (NewFile.Write(root, path, ArticleText.Compose(findings)) is { } refused) return Refused(refused);

        stdout.WriteLine($"Wrote {path}: {Count(findings.Source.Paragraphs.Length, "paragraph")}, {Count(findings.Furniture.Count, "suggested omission")}, " +
            $"{Count(findings.Speakers.Count, "speaker")} of the record quoted, {Count(findings.NewNames.Count, "new name")}, {Count(findings.Figures.Count, "number")} as figures to uncomment.");
        foreach (var other in findings.SameSource) stdout.WriteLine($"note: {other} already has {findings.Source.Path} as its source");
        foreach (var n in findings.NewNames) stdout.WriteLine($"  {ArticleText.Command} {YamlText.Quote(n.Name!)}");
        stdout.WriteLine("Edit the title (marked TO EDIT), then run 'dotnet run -- check'.");
        return 0;
    }

    public int Speaker(string root, string name) => Person(root, name, PersonFiles.Speaker(name), "speaker");

    public int Organisation(string root, string name) => Person(root, name, PersonFiles.Organisation(name), "organisation");

    private int Person(string root, string name, PersonFiles.Draft? draft, string kind)
    {
        if (!Directory.Exists(root)) return Usage($"project folder '{root}' does not exist");
        if (draft is null) return Usage($"'{name}' gives no slug: a {kind}'s name needs a letter or a digit");
        if (NewFile.Write(root, draft.Path, draft.Text) is { } refused) return Refused(refused);
        stdout.WriteLine($"Wrote {draft.Path} ({kind} '{draft.Slug}').");
        return 0;
    }

    /// <summary>The seed as a path under the root: given so ("seeds/x.txt"), or as a path from here that lies in the project.</summary>
    private static string SeedPath(string root, string seed)
    {
        var underRoot = Path.Combine(root, seed);
        var full = Path.GetFullPath(File.Exists(underRoot) || !File.Exists(seed) ? underRoot : seed);
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? seed : relative;
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    private int Usage(string message)
    {
        stderr.WriteLine($"error: {message}");
        return 2;
    }

    private int Refused(string message)
    {
        stderr.WriteLine($"error: {message}");
        return 1;
    }
}
