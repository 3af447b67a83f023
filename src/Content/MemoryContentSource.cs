using System.Text;

namespace CaseRecord.Content;

/// <summary>A project held in memory: for tests, and for building from strings without a disk.</summary>
public sealed class MemoryContentSource : IContentSource
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public MemoryContentSource Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public MemoryContentSource Add(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return this;
    }

    public MemoryContentSource Remove(string path)
    {
        _files.Remove(path);
        return this;
    }

    public IReadOnlyList<string> ListFiles(string folder, string extension)
    {
        var prefix = folder.TrimEnd('/') + "/";
        return _files.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k[prefix.Length..].Contains('/') && k.EndsWith(extension, StringComparison.Ordinal))
            .ToList();
    }

    public IReadOnlyList<string> ListFilesRecursive(string folder)
    {
        var prefix = folder.TrimEnd('/') + "/";
        return _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    public bool FileExists(string path) => _files.ContainsKey(path);

    public bool DirectoryExists(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        return _files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    public byte[] ReadAllBytes(string path) =>
        _files.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException(path);
}
