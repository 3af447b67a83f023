using System.Runtime.InteropServices;

namespace CaseRecord.Output;

/// <summary>
/// Writes the site into a fresh folder beside the output folder, then swaps it in, so readers and
/// the preview server never see a half-written site and a failed or killed build leaves the
/// previous output exactly as it was.
/// </summary>
public sealed partial class DirectorySink(string outputDirectory) : IOutputSink
{
    /// <summary>Marks a folder as ours, so a mistyped <c>-o</c> can never make the build replace someone's folder.</summary>
    public const string Marker = ".case-record-output";

    private readonly string _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);

    public void Write(IReadOnlyList<OutputFile> files)
    {
        EnsureReplaceable(_output);
        var parent = Path.GetDirectoryName(_output) ?? throw new IOException("the output folder cannot be the file system root");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(_output);
        var staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            var targets = files.Select(file =>
            {
                var target = Path.GetFullPath(Path.Combine(staging, file.Path));
                if (!target.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new IOException($"refusing to write '{file.Path}' outside the output folder");
                return (Target: target, file.Content);
            }).ToList();
            // Folders once each, then the files in order: measured, parallel writes were slower
            // on this project's machines (the file system serialises them anyway).
            foreach (var folder in targets.Select(t => Path.GetDirectoryName(t.Target)!).Distinct()) Directory.CreateDirectory(folder);
            foreach (var (target, content) in targets) File.WriteAllBytes(target, content);
            File.WriteAllText(Path.Combine(staging, Marker), "This folder is written by the case record generator and replaced on every build.\n");
            Swap(staging, _output);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        CleanLeftovers(parent, name);
    }

    private static void EnsureReplaceable(string output)
    {
        if (!Directory.Exists(output)) return;
        if (File.Exists(Path.Combine(output, Marker))) return;
        if (!Directory.EnumerateFileSystemEntries(output).Any()) return;
        throw new IOException($"the output folder '{output}' holds files this generator did not write; choose another folder or empty it");
    }

    private static void Swap(string staging, string output)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        // One atomic exchange where the kernel offers it: there is no moment without an output folder.
        if (OperatingSystem.IsLinux() && RenameExchange(staging, output))
        {
            Directory.Delete(staging, recursive: true);
            return;
        }
        var old = output + $".old-{Guid.NewGuid():N}";
        Directory.Move(output, old);
        Directory.Move(staging, output);
        Directory.Delete(old, recursive: true);
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
