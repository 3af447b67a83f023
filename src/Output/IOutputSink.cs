namespace CaseRecord.Output;

/// <summary>Where a successful build's files go: a folder on disk, or memory for tests and preview.</summary>
public interface IOutputSink
{
    void Write(IReadOnlyList<OutputFile> files);
}

/// <summary>
/// A sink that takes files one by one as they are made, so a build need not hold the whole site
/// in memory. Nothing is visible until <see cref="IOutputSession.Commit"/>; disposing an
/// uncommitted session throws its files away.
/// </summary>
public interface IStreamingSink : IOutputSink
{
    IOutputSession Begin();
}

public interface IOutputSession : IDisposable
{
    /// <summary>Adds one file; safe to call from several threads at once. The file's bytes may be lent for the call (a rendered page's are), so a session that keeps them keeps a copy.</summary>
    void Add(OutputFile file);

    /// <summary>Adds a page whose text is at hand too, so work that reads pages as they come need not decode it again. The text, like the bytes, is lent for the call.</summary>
    void Add(OutputFile file, ReadOnlyMemory<char> text) => Add(file);

    /// <summary>Tells the session every path the site will have, before the files come (see <see cref="IStagedWork.Expect"/>).</summary>
    void Expect(IEnumerable<string> paths) { }

    /// <summary>Whether something the session does with the pages wants them early: the build makes those first.</summary>
    bool Wants(string path) => false;

    /// <summary>
    /// Adds one file that <paramref name="write"/> writes straight to its place, so it is never held
    /// whole (the record's data file); returns its size. Safe to call from several threads at once, and beside <see cref="Add(OutputFile)"/>.
    /// </summary>
    long Add(string path, Action<Stream> write);

    void Commit();
}
