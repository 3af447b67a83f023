using System.Text;
using Scriban;

namespace CaseRecord.Rendering.Native;

/// <summary>
/// A stock template of the theme (a partial, or a layout) written by code instead of
/// Scriban's interpreter: used only when the project's file is, character for character, the one
/// the code was written from (its <see cref="StockText"/> hash), with the stock partials it
/// includes (<see cref="Needs"/>), and only for the views the code knows; otherwise the template
/// is rendered by Scriban as before. The pages are byte for byte what Scriban makes of the same
/// template (tests/Unit/NativeTemplateTests.cs builds the golden sites both ways).
/// </summary>
internal interface INativeTemplate
{
    /// <summary>The template's file in the theme (<c>theme/partials/paragraph.sbn</c>).</summary>
    string Path { get; }

    /// <summary>SHA-256 (lower-case hex) of the file's text, normalised, that this writes.</summary>
    string StockText { get; }

    /// <summary>The partials it includes, written by their own code: it is used only if they are too.</summary>
    IReadOnlyList<string> Needs => [];

    /// <summary>Writes the template for the context's variables; false, having written nothing, when they are not the views this knows. A view missing a part it needs makes it throw (<see cref="NativeTemplates.TryWrite"/> takes the text back): it does not look for one first.</summary>
    bool TryWrite(TemplateContext context, StringBuilder output);
}

/// <summary>The theme's templates that have a writer of their own, and the means to find the writers for a theme's files.</summary>
internal static class NativeTemplates
{
    private static readonly FigureTablePartial FigureTable = new();
    private static readonly ParagraphPartial Paragraph = new();
    private static readonly OmittedPartial Omitted = new();
    private static readonly INativeTemplate[] All = [Paragraph, Omitted, FigureTable, new ExcerptPartial(), new BaseLayout(), new FigureLayout(FigureTable), new ArticleLayout(Paragraph, Omitted, FigureTable)];

    /// <summary>The writer for a theme file of this path and (normalised) text, if its text is the stock one.</summary>
    public static INativeTemplate? For(string path, string text)
    {
        var writer = All.FirstOrDefault(w => w.Path == path);
        return writer is not null && writer.StockText == Hash(text) ? writer : null;
    }

    /// <summary>The writers for a theme's files (path to normalised text): those whose file is stock, and whose partials are too.</summary>
    public static IReadOnlyDictionary<string, INativeTemplate> Of(IReadOnlyDictionary<string, string> texts)
    {
        var stock = texts.Select(t => For(t.Key, t.Value)).OfType<INativeTemplate>().ToDictionary(w => w.Path, StringComparer.Ordinal);
        return stock.Where(w => w.Value.Needs.All(stock.ContainsKey)).ToDictionary(StringComparer.Ordinal);
    }

    public static IReadOnlyList<INativeTemplate> Writers => All;

    /// <summary>
    /// Writes the template by its code, or leaves the output as it was and says so. A writer that
    /// fails on a value it did not foresee takes back what it wrote, and Scriban renders the
    /// template, reporting any error as a template error at its place, never as a crash.
    /// </summary>
    public static bool TryWrite(INativeTemplate writer, TemplateContext context, StringBuilder output)
    {
        var start = output.Length;
        try
        {
            if (writer.TryWrite(context, output)) return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }
        output.Length = start;
        return false;
    }

    public static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
