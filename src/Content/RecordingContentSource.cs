using System.Collections.Concurrent;

namespace CaseRecord.Content;

/// <summary>
/// A project that notes every question a build asks of it (each listing, each test of a path,
/// each file's bytes, kept as a hash) with its answer, so a later build can ask the same
/// questions and know whether anything it depends on has changed. A build is a function of what
/// it reads: the same answers, the same generator and the same settings make the same site.
/// </summary>
public sealed class RecordingContentSource(IContentSource inner) : IContentSource
{
    // A question answered differently twice in one build (a file saved while it was read) can
    // never be answered the same again, so that build is never taken as up to date.
    private const string Unstable = "answered differently during the build";

    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);

    /// <summary>Every question asked so far, with its answer.</summary>
    public IReadOnlyDictionary<string, string> Answers => _answers;

    public IReadOnlyList<string> ListFiles(string folder, string extension) =>
        Note(Question("list", folder, extension), inner.ListFiles(folder, extension), ListAnswer);

    public IReadOnlyList<string> ListFilesRecursive(string folder) =>
        Note(Question("tree", folder), inner.ListFilesRecursive(folder), ListAnswer);

    public bool FileExists(string path) => Note(Question("file", path), inner.FileExists(path), YesNo);

    public bool DirectoryExists(string path) => Note(Question("folder", path), inner.DirectoryExists(path), YesNo);

    public byte[] ReadAllBytes(string path)
    {
        var question = Question("read", path);
        try
        {
            return Note(question, inner.ReadAllBytes(path), BytesAnswer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Note(question, "unreadable", a => a);
            throw;
        }
    }

    // No Stamp: a recorded build reads every file, so what it read is what is kept.

    /// <summary>Asks <paramref name="source"/> each recorded question (in parallel); true when every answer is the same.</summary>
    public static bool SameAnswers(IContentSource source, IReadOnlyDictionary<string, string> answers)
    {
        var same = true;
        Parallel.ForEach(answers, (pair, loop) =>
        {
            if (pair.Value != Unstable && Answer(source, pair.Key) == pair.Value) return;
            same = false;
            loop.Stop();
        });
        return same;
    }

    private static string Answer(IContentSource source, string question)
    {
        var parts = question.Split('\n');
        try
        {
            return parts[0] switch
            {
                "list" => ListAnswer(source.ListFiles(parts[1], parts[2])),
                "tree" => ListAnswer(source.ListFilesRecursive(parts[1])),
                "file" => YesNo(source.FileExists(parts[1])),
                "folder" => YesNo(source.DirectoryExists(parts[1])),
                "read" => BytesAnswer(source.ReadAllBytes(parts[1])),
                _ => "unknown question",
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    private static string Question(params string[] parts) => string.Join('\n', parts);

    private T Note<T>(string question, T result, Func<T, string> answer)
    {
        var given = answer(result);
        _answers.AddOrUpdate(question, given, (_, before) => before == given ? before : Unstable);
        return result;
    }

    private static string ListAnswer(IReadOnlyList<string> paths) => Fingerprint.Of(paths);

    private static string YesNo(bool answer) => answer ? "yes" : "no";

    private static string BytesAnswer(byte[] bytes) => Fingerprint.Of([bytes]);
}
