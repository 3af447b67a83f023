using System.Collections.Concurrent;
using CaseRecord.Content;

namespace CaseRecord.Preview;

/// <summary>
/// The project on disk as a watched preview sees it: a file's stamp and a folder's listing are
/// remembered until the watcher reports a change at that path. At ten thousand articles, asking
/// the disk for twenty thousand stamps took longer than the rest of a rebuild's reading.
/// </summary>
/// <remarks>
/// A change is forgotten the moment the watcher sees it (<see cref="Forget"/>), before the rebuild
/// it asks for, so that rebuild reads the file; a build that ran between a save and its event
/// may miss the save, and the event's own rebuild then sees it. A file still settling gets no
/// stamp from the disk (see <see cref="DiskContentSource.Stamp"/>), so it is not remembered.
/// </remarks>
public sealed class WatchedContentSource(DiskContentSource disk) : IContentSource
{
    private readonly ConcurrentDictionary<string, FileStamp> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Folder, string Extension), IReadOnlyList<string>> _listings = new();
    // Moves on at every change seen: what the disk said while a change came in is not remembered,
    // since it may be from before the change.
    private long _generation;
    private readonly Lock _lock = new();

    /// <summary>Forgets what is known about these project-relative paths (files or folders), or everything for <see cref="DebouncedWatcher.Everything"/>.</summary>
    /// <param name="contentOnly">Only the paths' content changed: no file was made, removed or renamed, so the
    /// listings still hold (listing 10,000 articles again took 5 ms).</param>
    public void Forget(IEnumerable<string> paths, bool contentOnly = false)
    {
        lock (_lock)
        {
            _generation++;
            foreach (var path in paths) ForgetOne(path, contentOnly);
        }
    }

    private void ForgetOne(string path, bool contentOnly)
    {
        if (path == DebouncedWatcher.Everything)
        {
            _stamps.Clear();
            _listings.Clear();
            return;
        }
        _stamps.TryRemove(path, out _);
        if (contentOnly) return;
        // A folder renamed or removed takes its files with it; a file created or removed changes its folder's listing.
        var under = path + "/";
        foreach (var known in _stamps.Keys)
            if (known.StartsWith(under, StringComparison.Ordinal)) _stamps.TryRemove(known, out _);
        var folder = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
        foreach (var key in _listings.Keys)
            if (key.Folder == folder || key.Folder == path || key.Folder.StartsWith(under, StringComparison.Ordinal)) _listings.TryRemove(key, out _);
    }

    public IReadOnlyList<string> ListFiles(string folder, string extension)
    {
        if (_listings.TryGetValue((folder, extension), out var known)) return known;
        var generation = Volatile.Read(ref _generation);
        var files = disk.ListFiles(folder, extension);
        lock (_lock)
            if (_generation == generation) _listings[(folder, extension)] = files;
        return files;
    }

    public IReadOnlyList<string> ListFilesRecursive(string folder) => disk.ListFilesRecursive(folder);

    public bool FileExists(string path) => disk.FileExists(path);

    public bool DirectoryExists(string path) => disk.DirectoryExists(path);

    public byte[] ReadAllBytes(string path) => disk.ReadAllBytes(path);

    public FileStamp? Stamp(string path)
    {
        if (_stamps.TryGetValue(path, out var known)) return known;
        var generation = Volatile.Read(ref _generation);
        var stamp = disk.Stamp(path);
        if (stamp is { } settled)
            lock (_lock)
                if (_generation == generation) _stamps[path] = settled;
        return stamp;
    }
}
