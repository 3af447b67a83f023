using System.Text;

namespace CaseRecord.Authoring;

/// <summary>Writes a new file of the project, never over one that exists (the check and the creation are one step, so a file made meanwhile is not lost either).</summary>
public static class NewFile
{
    /// <returns>Null when written; else why not, in one line.</returns>
    public static string? Write(string root, string relativePath, string text)
    {
        var full = Path.Combine(root, relativePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(false).GetBytes(text));
            return null;
        }
        catch (IOException) when (File.Exists(full) || Directory.Exists(full))
        {
            return $"{relativePath} already exists; it is left as it is (give another name or slug, or edit that file)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{relativePath} cannot be written: {e.Message}";
        }
    }
}
