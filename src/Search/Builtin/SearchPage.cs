namespace CaseRecord.Search.Builtin;

/// <summary>
/// One page's search record as Pagefind would make it, before its words are indexed: its record
/// as the search page reads it (the fragment: address, text, word count, filters, meta, anchors),
/// and its words in order, as numbers in the build's <see cref="Vocabulary"/>, with their weights.
/// </summary>
/// <param name="Fragment">The record as JSON (UTF-8), as Pagefind writes it.</param>
/// <param name="Words">Each position's word (its number), in order.</param>
/// <param name="Weights">Each position's weight: 24 a plain word, 24 × 7 an h1's.</param>
/// <param name="MetaKeys">The meta fields, sorted.</param>
/// <param name="MetaWords">The words of each meta value, in the order of <paramref name="MetaKeys"/>.</param>
public sealed record SearchPage(
    string Url,
    byte[] Fragment,
    int WordCount,
    int[] Words,
    byte[] Weights,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<string> MetaKeys,
    int[][] MetaWords);
