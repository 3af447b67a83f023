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
/// by file: its manifest gives each file's hash and size, and a file whose size differs or that
/// was modified after the manifest was written is rewritten.
/// </remarks>
public sealed partial class DirectorySink(string outputDirectory) : IOutputSink
{
    /// <summary>Marks a folder as ours, so a mistyped <c>-o</c> can never make the build replace someone's folder.</summary>
    public const string Marker = ".case-record-output";

    private readonly string _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>What the last <see cref="Write"/> did, for the build summary and tests.</summary>
    public WriteCounts Counts { get; private set; } = new(0, 0, 0);

    public sealed record WriteCounts(int Written, int Unchanged, int Removed);

    public void Write(IReadOnlyList<OutputFile> files)
    {
        EnsureReplaceable(_output);
        var parent = Path.GetDirectoryName(_output) ?? throw new IOException("the output folder cannot be the file system root");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(_output);
        var spare = Path.Combine(parent, $".{name}.spare");
        var staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var targets = files.Select(file =>
        {
            var target = Path.GetFullPath(Path.Combine(staging, file.Path));
            if (!target.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal) || file.Path == Marker)
                throw new IOException($"refusing to write '{file.Path}' outside the output folder");
            return target;
        }).ToArray();
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, i => hashes[i] = Manifest.Hash(files[i].Content));
        try
        {
            // Claimed under a name of this process, so a build killed while updating it leaves
            // a leftover the next build deletes rather than a spare it would trust.
            var reused = Directory.Exists(spare) && File.Exists(Path.Combine(spare, Marker)) && TryMove(spare, staging);
            Counts = reused ? Update(staging, files, targets, hashes) : Fresh(staging, files, targets);
            Manifest.Write(staging, files, hashes);
            File.WriteAllText(Path.Combine(staging, Marker), "This folder is written by the case record generator and replaced on every build.\n");
            Swap(staging, _output, spare);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        CleanLeftovers(parent, name);
    }

    private static WriteCounts Fresh(string staging, IReadOnlyList<OutputFile> files, string[] targets)
    {
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var folder in targets.Select(t => Path.GetDirectoryName(t)!).Distinct()) Directory.CreateDirectory(folder);
        for (var i = 0; i < files.Count; i++) File.WriteAllBytes(targets[i], files[i].Content);
        return new WriteCounts(files.Count, 0, 0);
    }

    /// <summary>Brings a previous site's folder to the new site, touching only what differs; a fresh write if anything is odd.</summary>
    private static WriteCounts Update(string staging, IReadOnlyList<OutputFile> files, string[] targets, string[] hashes)
    {
        var manifest = Manifest.Read(staging);
        File.Delete(Path.Combine(staging, Marker));
        File.Delete(Path.Combine(staging, Manifest.FileName));
        if (manifest is null) return Fresh(staging, files, targets);
        try
        {
            var wanted = new Dictionary<string, int>(files.Count, StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++) wanted[files[i].Path] = i;
            var keep = new bool[files.Count];
            var removed = 0;
            var emptied = new HashSet<string>(StringComparer.Ordinal);
            var entries = new FileSystemEnumerable<(string Relative, string Full, long Length, DateTimeOffset Modified)>(staging,
                (ref FileSystemEntry e) => (Path.GetRelativePath(staging, e.ToFullPath()).Replace('\\', '/'), e.ToFullPath(), e.Length, e.LastWriteTimeUtc),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
            { ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory };
            foreach (var (relative, full, length, modified) in entries.ToList())
            {
                var isWanted = wanted.TryGetValue(relative, out var i);
                if (isWanted && manifest.Files.TryGetValue(relative, out var known)
                    && known.Length == length && files[i].Content.LongLength == length && known.Hash == hashes[i]
                    && modified <= manifest.Written)
                {
                    keep[i] = true;
                    continue;
                }
                if (isWanted) continue; // overwritten below
                File.Delete(full);
                emptied.Add(Path.GetDirectoryName(full)!);
                removed++;
            }
            foreach (var folder in emptied.OrderByDescending(f => f.Length)) RemoveIfEmpty(folder, staging);
            var written = 0;
            var folders = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                if (keep[i]) continue;
                var folder = Path.GetDirectoryName(targets[i])!;
                if (folders.Add(folder)) Directory.CreateDirectory(folder);
                File.WriteAllBytes(targets[i], files[i].Content);
                written++;
            }
            return new WriteCounts(written, files.Count - written, removed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file where a folder is now wanted, or the like: not worth untangling.
            return Fresh(staging, files, targets);
        }
    }

    private static void RemoveIfEmpty(string folder, string root)
    {
        while (folder.Length > root.Length && folder.StartsWith(root, StringComparison.Ordinal))
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any()) return;
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
        if (File.Exists(Path.Combine(output, Marker))) return;
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
        // after its build is only rewritten where it differs (see the manifest check above).
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
