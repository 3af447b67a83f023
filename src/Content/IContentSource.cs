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

    /// <summary>
    /// A cheap token that changes whenever the file's bytes do, so a long-running session can skip
    /// reading a file it already knows; null when the source cannot vouch for it, and the file must be read.
    /// </summary>
    FileStamp? Stamp(string path) => null;
}

/// <summary>A file's size and last write time.</summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc);
