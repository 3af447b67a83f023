namespace CaseRecord.Content;

public sealed class DiskContentSource(string root) : IContentSource
{
    private readonly string _root = Path.GetFullPath(root);

    public string Root => _root;

    private string Full(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        var rootWithSep = _root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSep, StringComparison.Ordinal) && full != _root)
            throw new UnauthorizedAccessException($"'{relative}' lies outside the project");
        return full;
    }

    private string Relative(string full) => Path.GetRelativePath(_root, full).Replace('\\', '/');

    public IReadOnlyList<string> ListFiles(string folder, string extension)
    {
        var dir = Full(folder);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir)
            .Where(f => f.EndsWith(extension, StringComparison.Ordinal))
            .Select(Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<string> ListFilesRecursive(string folder)
    {
        var dir = Full(folder);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public bool FileExists(string path) => File.Exists(Full(path));
    public bool DirectoryExists(string path) => Directory.Exists(Full(path));

    // A file written moments ago could be written again within the file system's timestamp
    // granularity without its time changing (git's "racily clean" case): such a file is read.
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    public FileStamp? Stamp(string path)
    {
        try
        {
            var info = new FileInfo(Full(path));
            if (!info.Exists || info.LinkTarget is not null) return null;
            var written = info.LastWriteTimeUtc;
            return DateTime.UtcNow - written < Settled ? null : new FileStamp(info.Length, written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public byte[] ReadAllBytes(string path)
    {
        var full = Full(path);
        // A symlink inside seeds/ pointing elsewhere would otherwise smuggle in an outside file.
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        if (target is not null) Full(Path.GetRelativePath(_root, target.FullName));
        return File.ReadAllBytes(full);
    }
}
