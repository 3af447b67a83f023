namespace CaseRecord.Preview;

/// <summary>
/// Watches the project's content and reports changed paths once the burst is over: editors'
/// tools save in bursts (write a temporary file, rename it, delete the old one), and one build
/// per save is what an editor wants.
/// </summary>
public sealed class DebouncedWatcher : IDisposable
{
    public const string Everything = "*";
    private readonly string _root;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;
    private readonly Action<IReadOnlyCollection<string>> _onChange;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);

    private readonly Action<string, bool>? _onSeen;

    /// <param name="onChange">Told the paths changed in a burst, once it is over.</param>
    /// <param name="onSeen">Told each changed path at once, before any burst it belongs to is reported, and whether
    /// the change can alter a folder's listing (a file made, removed or renamed) or only a file's content.</param>
    public DebouncedWatcher(string root, TimeSpan quiet, Action<IReadOnlyCollection<string>> onChange, Action<string, bool>? onSeen = null)
    {
        _onSeen = onSeen;
        _root = Path.GetFullPath(root);
        _quiet = quiet;
        _onChange = onChange;
        _timer = new Timer(_ => Flush());
        _watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Changed += (_, e) => Note(e.FullPath, listing: false);
        _watcher.Created += (_, e) => Note(e.FullPath, listing: true);
        _watcher.Deleted += (_, e) => Note(e.FullPath, listing: true);
        _watcher.Renamed += (_, e) => { Note(e.OldFullPath, listing: true); Note(e.FullPath, listing: true); };
        // Too many changes at once overflow the buffer: then we cannot know what changed, so all did.
        _watcher.Error += (_, _) => NoteRelative(Everything, listing: true);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Whether a change at this project-relative path can change the site.</summary>
    public static bool IsRelevant(string relative)
    {
        if (relative == "statiq.json") return true;
        var top = relative.Split('/')[0];
        if (top is not ("input" or "seeds" or "theme")) return false;
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        // Editors' swap and backup files are not content.
        return !(name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal) || name.StartsWith(".#", StringComparison.Ordinal));
    }

    private void Note(string fullPath, bool listing)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (IsRelevant(relative)) NoteRelative(relative, listing);
    }

    private void NoteRelative(string relative, bool listing)
    {
        _onSeen?.Invoke(relative, listing);
        lock (_lock)
        {
            _pending.Add(relative);
            _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] changes;
        lock (_lock)
        {
            if (_pending.Count == 0) return;
            changes = [.. _pending.Order(StringComparer.Ordinal)];
            _pending.Clear();
        }
        _onChange(changes);
    }

    public void Dispose()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        _timer.Dispose();
    }
}
