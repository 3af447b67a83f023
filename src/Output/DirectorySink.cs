using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Runtime.InteropServices;

namespace CaseRecord.Output;

/// <summary>
/// Writes the site into a folder beside the output folder, then swaps it in, so readers and the
/// preview server never see a half-written site and a failed or killed build leaves the
/// previous output exactly as it was.
/// </summary>
/// <remarks>
/// The folder swapped out is kept as <c>.NAME.spare</c> and becomes the next build's staging
/// folder: only files whose bytes changed are written into it and files the site no longer has
/// are removed. On this project's machines deleting a whole old site cost more than writing a
/// new one, and a rebuild of an unchanged site now writes nothing. A spare is trusted only file
/// by file: its manifest tells which files should already hold the bytes wanted, and each of
/// those is read and hashed before it is kept.
/// The generator's notes about the output (the mark that it is ours, its manifest, the spare's,
/// the build's record) are kept beside it in <c>.NAME.case-record</c>, never in it, so a host that
/// publishes the output folder publishes the site and nothing else.
/// </remarks>
public sealed partial class DirectorySink(string outputDirectory) : IStreamingSink
{
    /// <summary>Marks the folder beside the notes as ours, so a mistyped <c>-o</c> can never make the build replace someone's folder.</summary>
    internal const string MarkerName = "README";

    /// <summary>The mark an output folder held inside it before the notes moved beside it; such a folder is ours too.</summary>
    private const string LegacyMarker = ".case-record-output";

    internal const string ManifestName = "manifest";
    internal const string SpareManifestName = "spare-manifest";
    private const string NextManifestName = "manifest.new";

    private readonly string _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
    private readonly string _notes = NotesFolder(outputDirectory);

    /// <summary>Where the generator keeps its notes about the output folder: <c>.NAME.case-record</c> beside it.</summary>
    public static string NotesFolder(string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(output) ?? output, $".{Path.GetFileName(output)}.case-record");
    }

    /// <summary>What the last <see cref="Write"/> did, for the build summary and tests.</summary>
    public WriteCounts Counts { get; private set; } = new(0, 0, 0);

    public sealed record WriteCounts(int Written, int Unchanged, int Removed);

    public void Write(IReadOnlyList<OutputFile> files)
    {
        using var session = Begin();
        session.Expect(files.Select(f => f.Path));
        Parallel.ForEach(files, file => session.Add(file));
        session.Commit();
    }

    /// <summary>
    /// Makes, for the staging folder of a session, the work that reads its pages as they are
    /// written and completes the site before it replaces the output (the search index, so a site
    /// and its index are swapped in together and a killed indexer never touches the output).
    /// </summary>
    public Func<string, IStagedWork>? Completion { get; init; }

    public IOutputSession Begin()
    {
        EnsureReplaceable(_output);
        var parent = Path.GetDirectoryName(_output) ?? throw new IOException("the output folder cannot be the file system root");
        Directory.CreateDirectory(parent);
        return new Session(this, parent, Path.GetFileName(_output));
    }

    private sealed class Session : IOutputSession
    {
        private readonly DirectorySink _sink;
        private readonly string _parent, _name, _spare, _staging;
        private readonly Manifest? _manifest;
        // What the reused folder holds, by path: its size, to tell which files may need no write.
        private readonly Dictionary<string, long> _existing = new(StringComparer.Ordinal);
        // And its folders: only the reused folder can hold a file or folder where the site now wants the other.
        private readonly HashSet<string> _existingFolders = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (UInt128 Hash, long Length)> _added = new(StringComparer.Ordinal);
        private readonly IStagedWork? _work;
        private int _written;
        private bool _committed;

        public Session(DirectorySink sink, string parent, string name)
        {
            (_sink, _parent, _name) = (sink, parent, name);
            _spare = Path.Combine(parent, $".{name}.spare");
            _staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}-{Guid.NewGuid():N}");
            if (Directory.Exists(_spare))
            {
                var spareManifest = Path.Combine(sink._notes, SpareManifestName);
                var manifest = Manifest.Read(spareManifest);
                // Once claimed the spare changes, so its manifest goes first. Claimed under a name of
                // this process, so a build killed while updating it leaves a leftover the next build
                // deletes rather than a spare it would trust.
                if (File.Exists(spareManifest)) File.Delete(spareManifest);
                if (manifest is not null && TryMove(_spare, _staging))
                {
                    _manifest = manifest;
                    foreach (var (path, folder, length) in Entries(_staging))
                        if (folder) _existingFolders.Add(path);
                        else _existing[path] = length;
                }
                else if (Directory.Exists(_spare)) Directory.Delete(_spare, recursive: true);
            }
            Directory.CreateDirectory(_staging);
            _work = sink.Completion?.Invoke(_staging);
        }

        public void Expect(IEnumerable<string> paths) => _work?.Expect(paths);

        public bool Wants(string path) => _work?.Reads(path) == true;

        public void Add(OutputFile file, ReadOnlyMemory<char> text)
        {
            AddFile(file);
            // The text is lent on to the work that reads the page, which copies what it keeps.
            if (_work is { } work && work.Reads(file.Path)) work.Page(file.Path, text);
        }

        public void Add(OutputFile file)
        {
            AddFile(file);
            // A page handed on without its text (a whole build written at once) is decoded for the work that reads it.
            if (_work is { } work && work.Reads(file.Path)) work.Page(file.Path, System.Text.Encoding.UTF8.GetString(file.Content).AsMemory());
        }

        private void AddFile(OutputFile file)
        {
            var target = Target(file.Path);
            var hash = Manifest.Hash(file);
            if (!_added.TryAdd(file.Path, (hash, file.Length)))
                throw new InvalidOperationException($"the build made {file.Path} twice");
            // The manifest says what the reused file was written with; its bytes now are what count
            // (a copy of the same size made with an old time, as cp -p or rsync -t make, changes neither).
            if (_manifest is not null && _existing.TryGetValue(file.Path, out var had)
                && _manifest.Files.TryGetValue(file.Path, out var known)
                && known.Length == had && had == file.Length && known.Hash == hash
                && Manifest.HashOf(target, had) == hash)
                return;
            WriteFile(target, file);
            Interlocked.Increment(ref _written);
        }

        public long Add(string path, Action<Stream> write)
        {
            var target = Target(path);
            // Written whatever the reused folder holds: its hash is known only once it is written.
            (UInt128 Hash, long Length) written;
            using (var handle = Open(target, path))
            using (var stream = new HashingFileStream(handle))
            {
                write(stream);
                written = stream.Finish();
            }
            if (!_added.TryAdd(path, written))
                throw new InvalidOperationException($"the build made {path} twice");
            Interlocked.Increment(ref _written);
            return written.Length;
        }

        private string Target(string path)
        {
            var target = Path.GetFullPath(Path.Combine(_staging, path));
            if (!target.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new IOException($"refusing to write '{path}' outside the output folder");
            return target;
        }

        private void WriteFile(string target, OutputFile file)
        {
            using var handle = Open(target, file.Path);
            file.WriteTo(handle);
        }

        /// <summary>A new, empty file at <paramref name="target"/>, in place of whatever the reused folder had there.</summary>
        private Microsoft.Win32.SafeHandles.SafeFileHandle Open(string target, string path)
        {
            // A folder is made unless the reused folder's listing has it. Folders made by this build
            // are not remembered: nearly every page has its own, and a set of 120,000 paths cost
            // 30 MB to save the few files that share one (source texts, assets) a call each.
            var slash = path.LastIndexOf('/');
            if (slash > 0 && !_existingFolders.GetAlternateLookup<ReadOnlySpan<char>>().Contains(path.AsSpan(0, slash)))
            {
                var folder = Path.GetDirectoryName(target)!;
                // A file of an older site where a folder is now wanted gives way. What the reused
                // folder holds is known from its listing: asking the disk about every folder's
                // ancestors cost more than writing the files (120,000 folders at 10,000 articles).
                if (_existing.Count > 0)
                    for (var up = folder; up.Length > _staging.Length; up = Path.GetDirectoryName(up)!)
                        if (_existing.ContainsKey(Relative(up))) File.Delete(up);
                Directory.CreateDirectory(folder);
            }
            if (_existingFolders.Contains(path)) Directory.Delete(target, recursive: true);
            // A handle, not a FileStream: open, write at offsets, close. A stream asks the disk for its
            // position and, unless file locking is off (Site.csproj), locks and truncates apart:
            // four calls more for each of 130,000 files.
            return File.OpenHandle(target, FileMode.Create, FileAccess.Write);
        }

        private string Relative(string full) => full[(_staging.Length + 1)..].Replace('\\', '/');

        public void Commit()
        {
            var removed = 0;
            var emptied = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in _existing.Keys)
            {
                if (_added.ContainsKey(path)) continue;
                var full = Path.Combine(_staging, path);
                if (File.Exists(full)) File.Delete(full);
                emptied.Add(Path.GetDirectoryName(full)!);
                removed++;
            }
            foreach (var folder in emptied.OrderByDescending(f => f.Length)) RemoveIfEmpty(folder, _staging);
            if (_work is { } work)
            {
                if (!work.Finish()) throw new IOException("the site could not be completed");
                // What the hook added (the search index) is listed too, so the manifest describes
                // the whole folder and a later build can tell it is intact. Only its folder is listed
                // (the whole site's 41,000 folders took 0.3 s at 10,000 articles), its files hashed on every core.
                var root = Path.Combine(_staging, work.Folder);
                if (Directory.Exists(root))
                {
                    var found = Entries(root).Where(e => !e.Folder).Select(e => (Path: $"{work.Folder}/{e.Path}", e.Length)).Where(e => !_added.ContainsKey(e.Path)).ToList();
                    Parallel.ForEach(found, file =>
                    {
                        var hash = Manifest.HashOf(Path.Combine(_staging, file.Path), file.Length) ?? throw new IOException($"{file.Path} could not be read back");
                        _added[file.Path] = (hash, file.Length);
                    });
                }
            }
            var files = _added.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var notes = _sink._notes;
            Directory.CreateDirectory(notes);
            File.WriteAllText(Path.Combine(notes, MarkerName),
                $"The folder '{_name}' beside this one is written by the case record generator and replaced on every build.\n" +
                "This folder holds the generator's notes about it: the list of its files and the record of the build that made it.\n");
            var next = Path.Combine(notes, NextManifestName);
            Manifest.Write(next, files.Select(kv => (kv.Key, kv.Value.Hash, kv.Value.Length)));
            // The notes about the output being replaced leave with it: its manifest becomes the
            // spare's, and the rest (the record of the build that made it) no longer hold.
            foreach (var note in Directory.GetFiles(notes))
                if (Path.GetFileName(note) is not (MarkerName or ManifestName or NextManifestName)) File.Delete(note);
            var current = Path.Combine(notes, ManifestName);
            if (File.Exists(current))
            {
                if (Directory.Exists(_sink._output)) File.Move(current, Path.Combine(notes, SpareManifestName));
                else File.Delete(current);
            }
            Swap(_staging, _sink._output, _spare);
            File.Move(next, current, overwrite: true);
            _committed = true;
            _sink.Counts = new WriteCounts(_written, files.Count - _written, removed);
            CleanLeftovers(_parent, _name);
        }

        public void Dispose()
        {
            _work?.Dispose();
            if (!_committed && Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        }
    }

    /// <summary>
    /// Whether the output folder still holds exactly what its last build wrote: every file its
    /// manifest lists, with the listed size and hash, and no other file.
    /// </summary>
    /// <remarks>Every file is read: its size and time do not tell a same-size copy with an old time (cp -p, rsync -t) from the file the build wrote.</remarks>
    public bool HoldsItsLastBuild()
    {
        var manifest = File.Exists(Path.Combine(_notes, MarkerName)) ? Manifest.Read(Path.Combine(_notes, ManifestName)) : null;
        if (manifest is null) return false;
        var files = new List<(string Full, Manifest.Entry Entry)>(manifest.Files.Count);
        try
        {
            // The listing first, which is cheap: a file added, removed or resized ends the check before any is read.
            foreach (var (path, folder, length) in Entries(_output))
            {
                if (folder) continue;
                if (!manifest.Files.TryGetValue(path, out var entry) || entry.Length != length) return false;
                files.Add((Path.Combine(_output, path), entry));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // a folder that changes as it is read (another build swapping it) is not known to be intact
        }
        if (files.Count != manifest.Files.Count) return false;
        var same = true;
        Parallel.ForEach(files, (file, loop) =>
        {
            if (Manifest.HashOf(file.Full, file.Entry.Length) == file.Entry.Hash) return;
            same = false;
            loop.Stop();
        });
        return same;
    }

    /// <summary>Every file and folder under <paramref name="root"/>: relative path, whether a folder, and size, from the listing alone.</summary>
    private static FileSystemEnumerable<(string Path, bool Folder, long Length)> Entries(string root) =>
        new(root, (ref FileSystemEntry e) => (Path.GetRelativePath(root, e.ToFullPath()).Replace('\\', '/'), e.IsDirectory, e.Length),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });

    private static void RemoveIfEmpty(string folder, string root)
    {
        while (folder.Length > root.Length && folder.StartsWith(root, StringComparison.Ordinal))
        {
            // Already gone: removed on the way up from one of its emptied subfolders.
            if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any()) return;
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private static bool TryMove(string from, string to)
    {
        try { Directory.Move(from, to); return true; }
        catch (IOException) { return false; }
    }

    private static void EnsureReplaceable(string output)
    {
        if (!Directory.Exists(output)) return;
        if (File.Exists(Path.Combine(NotesFolder(output), MarkerName)) || File.Exists(Path.Combine(output, LegacyMarker))) return;
        if (!Directory.EnumerateFileSystemEntries(output).Any()) return;
        throw new IOException($"the output folder '{output}' holds files this generator did not write; choose another folder or empty it");
    }

    private static void Swap(string staging, string output, string spare)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        // One atomic exchange where the kernel offers it: there is no moment without an output folder.
        if (!(OperatingSystem.IsLinux() && RenameExchange(staging, output)))
        {
            var old = output + $".old-{Guid.NewGuid():N}";
            Directory.Move(output, old);
            Directory.Move(staging, output);
            staging = old;
        }
        // The site just replaced is the next build's starting point; one that was edited by hand
        // after its build is only rewritten where it differs (see the check of each file above).
        if (Directory.Exists(spare)) Directory.Delete(spare, recursive: true);
        Directory.Move(staging, spare);
    }

    private static void CleanLeftovers(string parent, string name)
    {
        // A build killed mid-write leaves its staging folder; the next good build removes it.
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.new-*"))
        {
            var pid = Path.GetFileName(dir).Split('-')[1];
            if (int.TryParse(pid, out var id) && id != Environment.ProcessId && !IsRunning(id))
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchangeFlag = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    private static bool RenameExchange(string a, string b)
    {
        try { return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchangeFlag) == 0; }
        catch (EntryPointNotFoundException) { return false; }
        catch (DllNotFoundException) { return false; }
    }
}
