using System.Security.Cryptography;
using System.Text;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>Reads an article's source text, checking that it lies in seeds/, is UTF-8 and matches its sha256.</summary>
public static class SeedReader
{
    public const string SeedsFolder = "seeds";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText? Read(IContentSource project, ArticleDoc doc, DiagnosticList diagnostics)
    {
        var source = doc.Source;
        var path = ProjectPath.Normalise(source.Value);
        if (path is null || !ProjectPath.IsInside(path, SeedsFolder))
        {
            diagnostics.Error(source.At, $"'source' must be a path inside {SeedsFolder}/ relative to the project root, e.g. 'seeds/article.txt'; '{source.Value}' is not");
            return null;
        }
        if (project.DirectoryExists(path))
        {
            diagnostics.Error(source.At, $"'source' names the folder '{path}'; name the text file inside it");
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = project.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            diagnostics.Error(source.At, $"source text '{path}' does not exist");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(source.At, $"source text '{path}' cannot be read: {e.Message}");
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (doc.Sha256 is { } expected && !string.Equals(expected.Value, hash, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(expected.At, $"sha256 does not match '{path}': the file's is {hash}; if the source was changed on purpose, put that value here");
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var valid = Encoding.UTF8.GetString(bytes, 0, offset);
            var line = 1 + valid.Count(c => c == '\n');
            var col = valid.Length - (valid.LastIndexOf('\n') + 1) + 1;
            diagnostics.Error(new SourcePosition(path, line, col), $"source text is not valid UTF-8 at byte offset {offset}; save it as UTF-8");
            return null;
        }
        var result = new SourceText(path, TextNormaliser.Normalise(text), hash, bytes);
        // Which paragraph rule the text got is worth knowing, and is not a problem: said once, by the build that reads the file.
        if (result.OneParagraphPerLine)
            diagnostics.Note(result.PositionOf(result.Paragraphs[0].Start),
                $"this text has no blank lines, so each of its {result.Paragraphs.Length} lines is a paragraph", "text with no blank lines read a paragraph a line");
        return result;
    }
}
