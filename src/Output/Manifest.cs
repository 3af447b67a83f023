using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace CaseRecord.Output;

/// <summary>
/// The list of files an output folder was written with (hash and size of each), kept beside the
/// folder (see <see cref="DirectorySink"/>) so the next build can tell which files it need not
/// write again, and whether the folder still holds what it was written with.
/// </summary>
public sealed record Manifest(IReadOnlyDictionary<string, Manifest.Entry> Files)
{
    // Version 2 holds XXH128 hashes; a folder written with version 1 (SHA-256) is rewritten whole once.
    private const string Header = "case-record manifest 2";

    /// <param name="Hash">The file's XXH128, held as a number (a build holds one for each of 130,000 files) and written in hex.</param>
    public sealed record Entry(UInt128 Hash, long Length);

    // The hash only tells whether a file's bytes changed since the build that wrote it, so it need
    // not resist forgery: the editor who could forge a page writes its content anyway. XXH128 is
    // many times as fast as SHA-256 (bench/README.md), with 128 bits to make an accidental match as unlikely.
    public static UInt128 Hash(OutputFile file)
    {
        var hash = new XxHash128();
        foreach (var piece in file.Pieces) hash.Append(piece.Span);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The XXH128 of a file's bytes as they are on disk now, or null when it cannot be read or does not have <paramref name="length"/> bytes.</summary>
    /// <param name="length">The size the listing gave: reading stops there, without the call more that would find the end.</param>
    public static UInt128? HashOf(string path, long length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            using var handle = File.OpenHandle(path);
            var hash = new XxHash128();
            long offset = 0;
            for (int n; offset < length && (n = RandomAccess.Read(handle, buffer, offset)) > 0; offset += n) hash.Append(buffer.AsSpan(0, n));
            return offset == length ? hash.GetCurrentHashAsUInt128() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void Write(string into, IEnumerable<(string Path, UInt128 Hash, long Length)> files)
    {
        // Streamed: at 130,000 files the text is 20 MB, which a build at its peak need not hold.
        using var text = new StreamWriter(into, false, new UTF8Encoding(false), 1 << 16);
        text.Write(Header);
        text.Write('\n');
        Span<char> digits = stackalloc char[32];
        foreach (var (path, hash, length) in files)
        {
            hash.TryFormat(digits, out var n, "x32", System.Globalization.CultureInfo.InvariantCulture);
            text.Write(digits[..n]);
            length.TryFormat(digits, out n, default, System.Globalization.CultureInfo.InvariantCulture);
            text.Write(' ');
            text.Write(digits[..n]);
            text.Write(' ');
            text.Write(path);
            text.Write('\n');
        }
    }

    /// <summary>The manifest in the file at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static Manifest? Read(string path)
    {
        try
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length == 0 || lines[0] != Header) return null;
            var files = new Dictionary<string, Entry>(lines.Length, StringComparer.Ordinal);
            foreach (var line in lines.AsSpan(1))
            {
                var first = line.IndexOf(' ');
                var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
                if (second < 0 || !long.TryParse(line.AsSpan(first + 1, second - first - 1), out var length)
                    || !UInt128.TryParse(line.AsSpan(0, first), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var hash)) return null;
                files[line[(second + 1)..]] = new Entry(hash, length);
            }
            return new Manifest(files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
