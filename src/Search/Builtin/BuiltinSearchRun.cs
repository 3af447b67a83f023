using System.Collections.Concurrent;
using CaseRecord.Output;

namespace CaseRecord.Search.Builtin;

/// <summary>
/// A site's search index written by the generator itself in Pagefind's format: each page is read
/// (<see cref="PageReader"/>) on the render thread that hands it on; Pagefind's program is asked
/// how it indexes the build's distinct words (<see cref="Lexicon"/>), in rounds while the pages
/// come and once more, for the words no round asked about, when the last is in; each page's
/// words' locations (<see cref="PageRuns"/>) are made as soon as its words are answered for, and
/// the index is written from them (<see cref="IndexWriter"/>). When a page holds something the reader does
/// not model, or the program is of another version, the index is made by Pagefind's program over
/// the pages as before (<see cref="SearchRun"/>), and the build says why in one line.
/// </summary>
/// <remarks>
/// Pagefind's program spent about 28 s of CPU on the 10,000-article record, two thirds of the
/// build's own, most of it parsing HTML the generator had just written: its stemming and
/// splitting are kept (asked of it, word by word), the parsing and the writing are done here.
/// A build hands over the pages this reads before all others, so once the last of them is in,
/// the index is made beside the rest of the render, into the scratch folder, and only moved
/// into the site when the work finishes; what needs the program's own reading of the pages (on
/// disk, all written by then) waits for the finish.
/// </remarks>
public sealed class BuiltinSearchRun : IStagedWork
{
    private readonly string? _program;
    private readonly string _site, _scratch;
    private readonly TextWriter _log;
    private readonly int _perIndex;
    private readonly CancellationToken _cancel;
    private readonly ConcurrentDictionary<string, SearchPage> _read = new(StringComparer.Ordinal);
    private readonly Vocabulary _vocabulary = new();
    // Readers keep their buffers from page to page; one per thread at a time.
    private readonly ConcurrentBag<PageReader> _readers = [];
    private readonly ConcurrentBag<PageRuns.Scratch> _scratches = [];
    // The pages' words' locations, made as soon as their words are indexed (see Round).
    private readonly ConcurrentDictionary<string, PageRuns> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _fields = new(StringComparer.Ordinal);
    // The words as far as the program has been asked, and its first answer (its runtime files).
    private volatile IndexedWords _words = IndexedWords.None;
    private volatile Lexicon? _first;
    // Asking while the pages come: one round at a time (1 while one runs), a round at most every
    // _every pages read; none once a round failed, the final asking then asks about every word.
    private readonly int? _roundEvery;
    private int _every = int.MaxValue, _pagesRead, _nextRound = int.MaxValue, _asking, _rounds, _asks;
    private volatile bool _roundsOff;
    private volatile Task? _round;
    private volatile string? _unreadable;
    private IReadOnlyList<string> _expected = [];
    // The pages this reads that are still to come, once the build has said which it will have;
    // the index is made in the background (_made) when the last of them is in.
    private int _toCome = -1;
    private Task<Outcome>? _made;

    /// <param name="roundEvery">Pages read between rounds of asking the program about the words so far; by default a quarter of the pages, at least 64 (an eighth cost 0.1 s more CPU at 1,000 articles, each round being a run of the program).</param>
    internal BuiltinSearchRun(string? program, string site, TextWriter log, int perIndex, CancellationToken cancel, int? roundEvery = null)
    {
        (_program, _site, _log, _perIndex, _cancel, _roundEvery) = (program, site, log, perIndex, cancel, roundEvery);
        _scratch = Path.Combine(site, $".search-{Guid.NewGuid():N}");
    }

    /// <summary>Pagefind's bundle folder, where the index goes.</summary>
    public string Folder => "pagefind";

    public bool Reads(string path) => _program is not null && SearchIndexer.Reads(path);

    public void Expect(IEnumerable<string> paths)
    {
        _expected = [.. paths];
        var toCome = _expected.Count(Reads);
        _every = Math.Max(1, _roundEvery ?? Math.Max(64, toCome / 4));
        Volatile.Write(ref _nextRound, _every);
        Volatile.Write(ref _toCome, toCome);
    }

    public void Page(string path, ReadOnlyMemory<char> text)
    {
        if (!Reads(path)) return;
        try
        {
            Read(path, text);
        }
        finally
        {
            // Counted whatever became of it, after what it added is in.
            if (Interlocked.Decrement(ref _toCome) == 0 && _unreadable is null && !_cancel.IsCancellationRequested)
                _made = Task.Run(Make);
        }
    }

    private void Read(string path, ReadOnlyMemory<char> text)
    {
        if (_cancel.IsCancellationRequested || _unreadable is not null) return;
        var reader = _readers.TryTake(out var idle) ? idle : new PageReader(_vocabulary);
        try
        {
            if (reader.ReadWhole(Url(path), text, out var why) is { } page)
            {
                _read[path] = page;
                foreach (var key in page.MetaKeys) _fields.TryAdd(key, 0);
                Locate(path, page, _words);
            }
            else _unreadable ??= $"{path}: {why}";
            _readers.Add(reader);
            if (Interlocked.Increment(ref _pagesRead) >= Volatile.Read(ref _nextRound)) StartRound();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the reader's own is no reason to fail the build: Pagefind's program reads the pages instead.
            _unreadable ??= $"{path}: the generator's reader failed ({e.GetType().Name}: {e.Message})";
        }
    }

    /// <summary>The page's words' locations, made now if <paramref name="words"/> covers them.</summary>
    private void Locate(string path, SearchPage page, IndexedWords words)
    {
        if (words.Count == 0 || _runs.ContainsKey(path) || !words.Covers(page)) return;
        var scratch = _scratches.TryTake(out var idle) ? idle : new PageRuns.Scratch();
        _runs[path] = PageRuns.Of(page, words, scratch);
        _scratches.Add(scratch);
    }

    /// <summary>
    /// Asks the program, in the background, about the words met since the last round, while the
    /// render goes on; then makes the locations of the pages read meanwhile that those words cover.
    /// What is left for the last page's turn is the words of the last few pages (often none) and
    /// their pages: the asking (0.4 s at 10,000 articles) and most of the locations (0.4 s of the
    /// 1,000-article record's) were on that path, with one core idle.
    /// </summary>
    private void StartRound()
    {
        if (_roundsOff || _cancel.IsCancellationRequested || Volatile.Read(ref _toCome) <= 1 || Interlocked.CompareExchange(ref _asking, 1, 0) != 0) return;
        Volatile.Write(ref _nextRound, Volatile.Read(ref _pagesRead) + _every);
        _round = Task.Run(() =>
        {
            try
            {
                Round();
            }
            catch (Exception)
            {
                // The final asking asks about every word and says what went wrong, if it does again (a build given up also ends here).
                _roundsOff = true;
            }
            finally
            {
                Volatile.Write(ref _asking, 0);
            }
        });
    }

    private void Round()
    {
        var words = _vocabulary.Words;
        var known = _words;
        if (words.Count == known.Count) return;
        var asked = words.Skip(known.Count).ToList();
        if (asked.Any(Marked))
        {
            _roundsOff = true;
            return;
        }
        Interlocked.Increment(ref _rounds);
        var lexicon = Ask(asked, out _);
        if (lexicon is null || lexicon.ProgramVersion != Lexicon.Version)
        {
            _roundsOff = true;
            return;
        }
        var next = known.Extend(words, lexicon, _fields.Keys);
        _first ??= lexicon;
        _words = next;
        foreach (var (path, page) in _read)
        {
            if (_cancel.IsCancellationRequested) return;
            Locate(path, page, next);
        }
    }

    /// <summary>The program's answer about <paramref name="words"/>, each time in a folder of its own (a round's holds the runtime files the index is given).</summary>
    private Lexicon? Ask(IReadOnlyList<string> words, out string said) =>
        Lexicon.Ask(_program!, words, Path.Combine(_scratch, $"words-{Interlocked.Increment(ref _asks)}"), _cancel, out said);

    /// <summary>How many rounds asked the program while the pages came, and how many pages' locations were made before the last page's turn (tests).</summary>
    internal (int Rounds, int Located) Early => (Volatile.Read(ref _rounds), _runs.Count);

    private static bool Marked(string word) => word.StartsWith("___PAGEFIND_", StringComparison.Ordinal) || word.StartsWith("___END_PAGEFIND_", StringComparison.Ordinal);

    public bool Finish()
    {
        try
        {
            return Complete();
        }
        finally
        {
            // Nothing of the run's own is left in the site it completes.
            if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
        }
    }

    /// <summary>What making the index came to: done (or failed), with what to say; or to be left to Pagefind's program, and why.</summary>
    private sealed record Outcome(bool Succeeded, string? Said, string? ByProgram = null, string? Index = null, int Pages = -1);

    private bool Complete()
    {
        if (_program is null)
        {
            _log.WriteLine(SearchIndexer.NotInstalled);
            return true;
        }
        if (_cancel.IsCancellationRequested) return true;
        if (_read.IsEmpty && _unreadable is null)
        {
            _log.WriteLine("search: no article, speaker or organisation page, so no search index");
            return true;
        }
        if (_unreadable is { } unreadable) return ByProgram($"a page has what the generator's own indexer does not read ({unreadable})");
        var outcome = _made?.GetAwaiter().GetResult();
        // Made early, but from fewer pages than came in the end (a page the build had not said
        // would come): made again from them all.
        if (outcome is { Pages: >= 0 } early && early.Pages != _read.Count)
        {
            // Only the index goes: the program's answers, and the runtime files with them, are kept.
            if (early.Index is { } stale && Directory.Exists(stale)) Directory.Delete(stale, recursive: true);
            outcome = null;
        }
        outcome ??= Make();
        if (_cancel.IsCancellationRequested) return true;
        if (outcome.ByProgram is { } why) return ByProgram(why);
        if (outcome.Index is { } made)
        {
            // Into the site only now: the sink clears what the last build left in the site before it finishes the work.
            var index = Path.Combine(_site, Folder);
            try
            {
                if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
                Directory.Move(made, index);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log.WriteLine($"error: search indexing failed: {e.Message}");
                return false;
            }
        }
        if (outcome.Said is { } said) _log.WriteLine(said);
        return outcome.Succeeded;
    }

    /// <summary>Asks the program how it indexes the build's words, and writes the index into the scratch folder.</summary>
    private Outcome Make()
    {
        // No round starts now; the one running, if any, is waited for.
        _roundsOff = true;
        _round?.Wait();
        var ordered = _read.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var pages = ordered.Select(p => p.Value).ToList();
        var words = _vocabulary.Words;
        if (words.FirstOrDefault(Marked) is { } marker)
            return new(false, null, $"a page's text has Pagefind's own mark {marker}");
        var known = _words;
        var first = _first;
        Lexicon? lexicon = null;
        // The words no round asked about; every word when none did (known is then none), and at
        // least once: the program's runtime files come with its answer.
        if (first is null || words.Count > known.Count)
        {
            lexicon = Ask([.. words.Skip(known.Count)], out var said);
            if (_cancel.IsCancellationRequested) return new(true, null);
            if (lexicon is null) return new(false, $"error: search indexing failed: {said}");
            if (lexicon.ProgramVersion != Lexicon.Version)
                return new(false, null, $"Pagefind's program is version {lexicon.ProgramVersion}; the generator writes the index of {Lexicon.Version}");
            first ??= lexicon;
        }
        var all = known.Extend(words, lexicon, _fields.Keys);
        var early = ordered.Select(p => _runs.TryGetValue(p.Key, out var runs) ? runs : null).ToList();
        var index = Path.Combine(_scratch, "pagefind");
        try
        {
            Directory.CreateDirectory(index);
            IndexWriter.Write(pages, early, all, first, index);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(false, $"error: search indexing failed: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(false, null, $"the generator's index writer failed ({e.GetType().Name}: {e.Message})");
        }
        return new(true, $"search: indexed {pages.Count} pages", Index: index, Pages: pages.Count);
    }

    /// <summary>The index made by Pagefind's program, as before the generator wrote it, over the pages as the site has them by now (every page is written before the work finishes).</summary>
    private bool ByProgram(string why)
    {
        _log.WriteLine($"search: Pagefind's program indexes the pages, since {why}");
        _read.Clear();
        using var run = new SearchRun(_program, _site, _log, _perIndex, _cancel);
        var pages = SearchIndexer.PagesOf(_site).ToList();
        run.Expect(_expected.Count > 0 ? _expected : pages);
        Parallel.ForEach(pages, page => run.Page(page, File.ReadAllText(Path.Combine(_site, page)).AsMemory()));
        return run.Finish();
    }

    /// <summary>The page's address as Pagefind writes it: from the site's root, without index.html, unsafe characters escaped.</summary>
    public static string Url(string path)
    {
        var url = path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path == "index.html" ? "" : path;
        var escaped = new System.Text.StringBuilder("/");
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(url))
        {
            if (b < 0x20 || b == 0x7F || b >= 0x80 || b is (byte)' ' or (byte)'"' or (byte)'#' or (byte)'%' or (byte)'<' or (byte)'>' or (byte)'?' or (byte)'`' or (byte)'{' or (byte)'}')
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else escaped.Append((char)b);
        }
        return escaped.ToString();
    }

    public void Dispose()
    {
        // A build given up while the index is being made (an error elsewhere): the program, told
        // by the build's token, or the writer, finishes before its scratch goes.
        _roundsOff = true;
        try { _round?.Wait(); } catch (AggregateException) { }
        try { _made?.Wait(); } catch (AggregateException) { }
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }
}
