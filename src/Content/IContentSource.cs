namespace CaseRecord.Content;

/// <summary>
/// The project as the build sees it: files addressed by forward-slash paths relative to the root.
/// Paths never leave the root, so content cannot make the build read elsewhere.
/// </summary>
public interface IContentSource
{
    /// <summary>Files directly inside <paramref name="folder"/> whose names end with <paramref name="extension"/>, sorted ordinally.</summary>
    IReadOnlyList<string> ListFiles(string folder, string extension);

    /// <summary>Every file under <paramref name="folder"/>, recursively, sorted ordinally.</summary>
    IReadOnlyList<string> ListFilesRecursive(string folder);

    bool FileExists(string path);
    bool DirectoryExists(string path);

    /// <summary>Reads a file; throws <see cref="FileNotFoundException"/> or <see cref="IOException"/> as the disk does.</summary>
    byte[] ReadAllBytes(string path);
}
