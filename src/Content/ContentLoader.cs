using System.Collections.Immutable;
using System.Text;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>The load stage: reads settings, every input document and every source text.</summary>
public sealed class ContentLoader(IContentSource project, IReadOnlyDictionary<string, string> settingOverrides)
{
    public LoadedProject Load()
    {
        var diagnostics = new DiagnosticList();
        var settings = SettingsLoader.Load(project, settingOverrides, diagnostics);

        var home = project.FileExists("input/index.md")
            ? DocumentReaders.ReadHome("input/index.md", ReadText("input/index.md", diagnostics) ?? "", diagnostics)
            : new HomeDoc(null, "");

        var articles = ReadAll("input/articles", (path, text, d) =>
        {
            var doc = DocumentReaders.ReadArticle(path, text, d);
            if (doc is null) return null;
            var source = SeedReader.Read(project, doc, d);
            return source is null ? null : new LoadedArticle(doc, source);
        }, diagnostics);
        var speakers = ReadAll("input/speakers", DocumentReaders.ReadSpeaker, diagnostics);
        var organisations = ReadAll("input/organisations", DocumentReaders.ReadOrganisation, diagnostics);

        return new LoadedProject(settings, home, articles, speakers, organisations, diagnostics.ToImmutable());
    }

    /// <summary>Reads each Markdown file of a folder in parallel, keeping the files' order.</summary>
    private ImmutableArray<T> ReadAll<T>(string folder, Func<string, string, DiagnosticList, T?> read, DiagnosticList diagnostics) where T : class
    {
        var files = project.ListFiles(folder, ".md");
        var results = new T?[files.Count];
        var perFile = new DiagnosticList[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            perFile[i] = new DiagnosticList();
            var text = ReadText(files[i], perFile[i]);
            results[i] = text is null ? null : read(files[i], text, perFile[i]);
        });
        foreach (var d in perFile) diagnostics.AddRange(d.ToImmutable());
        return [.. results.OfType<T>()];
    }

    private string? ReadText(string path, DiagnosticList diagnostics)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(project.ReadAllBytes(path));
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Error(new SourcePosition(path, 1, 1), $"the file is not valid UTF-8 (byte offset {e.Index}); save it as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new SourcePosition(path, 1, 1), $"the file cannot be read: {e.Message}");
        }
        return null;
    }
}
