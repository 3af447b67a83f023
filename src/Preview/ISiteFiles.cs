namespace CaseRecord.Preview;

/// <summary>The files a server can serve, addressed by clean relative paths (no "..", no leading slash).</summary>
public interface ISiteFiles
{
    bool TryGetFile(string path, out ReadOnlyMemory<byte> content);
}

/// <summary>Files some of which are still being made: for those the server answers 503 (try again shortly), not 404.</summary>
public interface IPendingFiles
{
    bool IsPending(string path);
}

/// <summary>The preview's build with its search index, made apart from it, under pagefind/.</summary>
public sealed class WithSearchIndex(ISiteFiles site, PreviewSearchIndex index) : ISiteFiles, IPendingFiles
{
    public bool TryGetFile(string path, out ReadOnlyMemory<byte> content) =>
        path.StartsWith(PreviewSearchIndex.Folder, StringComparison.Ordinal) ? index.TryGetFile(path, out content) : site.TryGetFile(path, out content);

    public bool IsPending(string path) => path.StartsWith(PreviewSearchIndex.Folder, StringComparison.Ordinal) && index.Pending;
}

/// <summary>A finished build held in memory; replaced whole by the next good build.</summary>
public sealed class SnapshotFiles : ISiteFiles
{
    private readonly IReadOnlyDictionary<string, Output.OutputFile> _files;

    /// <summary>The build's own files, as they are: a file made in pieces is joined only if it is asked for.</summary>
    public SnapshotFiles(IReadOnlyDictionary<string, Output.OutputFile> files) => _files = files;

    public SnapshotFiles(IReadOnlyDictionary<string, byte[]> files) =>
        _files = files.ToDictionary(kv => kv.Key, kv => new Output.OutputFile(kv.Key, kv.Value), StringComparer.Ordinal);

    public static SnapshotFiles Empty { get; } = new(new Dictionary<string, Output.OutputFile>(StringComparer.Ordinal));

    public int Count => _files.Count;

    public bool TryGetFile(string path, out ReadOnlyMemory<byte> content)
    {
        if (_files.TryGetValue(path, out var file)) { content = file.Content; return true; }
        content = default;
        return false;
    }
}

/// <summary>An output folder on disk (the serve command). Nothing outside it is read, symlinks included.</summary>
public sealed class DirectoryFiles(string root) : ISiteFiles
{
    private readonly string _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    private string? Inside(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root, StringComparison.Ordinal) && full + Path.DirectorySeparatorChar != _root) return null;
        // Resolve links on the way: a symlink in the output pointing out of it is refused.
        var info = new FileInfo(full);
        if (info.Exists && info.ResolveLinkTarget(returnFinalTarget: true) is { } target &&
            !Path.GetFullPath(target.FullName).StartsWith(_root, StringComparison.Ordinal)) return null;
        var dir = Path.GetDirectoryName(full);
        while (dir is not null && dir.Length >= _root.Length - 1)
        {
            var d = new DirectoryInfo(dir);
            if (d.Exists && d.LinkTarget is not null &&
                !Path.GetFullPath(d.ResolveLinkTarget(true)!.FullName).StartsWith(_root, StringComparison.Ordinal)) return null;
            dir = Path.GetDirectoryName(dir);
        }
        return full;
    }

    public bool TryGetFile(string path, out ReadOnlyMemory<byte> content)
    {
        content = default;
        var full = Inside(path);
        if (full is null || !File.Exists(full)) return false;
        try { content = File.ReadAllBytes(full); return true; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
