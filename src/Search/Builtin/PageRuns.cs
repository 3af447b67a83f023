namespace CaseRecord.Search.Builtin;

/// <summary>
/// A page's words by stem and form, each with its locations encoded as Pagefind encodes them
/// (pagefind/src/index/mod.rs): what the index writer puts under each word for this page. Made
/// as soon as every word of the page is indexed (<see cref="IndexedWords.Covers"/>), on the
/// thread that read it, so that little is left to do once the last page is in.
/// </summary>
/// <param name="Runs">The page's (stem, form) pairs, sorted.</param>
/// <param name="Data">Their encoded locations, where each run says.</param>
/// <param name="Words">What they were made with: only its meta fields' numbering matters once made.</param>
internal sealed record PageRuns(PageRuns.Run[] Runs, int[] Data, IndexedWords Words)
{
    /// <summary>One (stem, form) of a page: where its locations are in the page's data (text locations, then meta).</summary>
    public readonly record struct Run(int Stem, int Form, int Offset, int TextLength, int MetaLength);

    /// <summary>A word of the page at a position, with what orders it in Pagefind's lists (the weight, or the meta field).</summary>
    public readonly record struct Posting(int Stem, int Form, int Kind, int Order, int Position, int Weight) : IComparable<Posting>
    {
        public int CompareTo(Posting other)
        {
            var c = Stem.CompareTo(other.Stem);
            if (c == 0) c = Form.CompareTo(other.Form);
            if (c == 0) c = Kind.CompareTo(other.Kind);
            if (c == 0) c = Order.CompareTo(other.Order);
            if (c == 0) c = Position.CompareTo(other.Position);
            return c;
        }
    }

    // A posting packed in one number, so a page's are sorted as numbers: stem, form, text or meta,
    // then weight or field, then position (Pagefind's order), in 22, 17, 1, 8 and 16 bits.
    private const int PositionBits = 16, OrderBits = 8, KindBits = 1, FormBits = 17, StemBits = 22;

    private static ulong Key(int stem, int form, int kind, int order, int position) =>
        ((ulong)stem << (FormBits + KindBits + OrderBits + PositionBits)) | ((ulong)(form + 1) << (KindBits + OrderBits + PositionBits))
        | ((ulong)kind << (OrderBits + PositionBits)) | ((ulong)order << PositionBits) | (uint)position;

    /// <summary>Whether the page's postings fit the packed numbers (the words and forms so far, the page's length, the fields).</summary>
    private static bool Packs(SearchPage page, IndexedWords words) =>
        words.Stems.Count < 1 << StemBits && words.Forms.Count + 1 < 1 << FormBits && words.FieldIds.Count < 1 << OrderBits
        && page.Words.Length < 1 << PositionBits && page.MetaWords.All(m => m.Length < 1 << PositionBits);

    /// <summary>
    /// A thread's buffers, kept from page to page: plain arrays, not lists, whose code for this
    /// assembly's structs ReadyToRun cannot compile ahead (they ran unoptimised at first).
    /// </summary>
    public sealed class Scratch
    {
        public ulong[] Keys = new ulong[8192];
        public Posting[] Postings = new Posting[8192];
        public Run[] Runs = new Run[2048];
        public int[] Data = new int[8192];
    }

    /// <summary>The page's runs, with <paramref name="words"/>, which must cover it.</summary>
    public static PageRuns Of(SearchPage page, IndexedWords words, Scratch scratch)
    {
        var count = 0;
        var postings = scratch.Postings;
        void Add(in Posting posting)
        {
            if (count == postings.Length) System.Array.Resize(ref postings, postings.Length * 2);
            postings[count++] = posting;
        }
        for (var position = 0; position < page.Words.Length; position++)
        {
            var word = words.Text(page.Words[position]);
            int weight = page.Weights[position];
            // The parts of a compound share its weight (Pagefind's partial_weight).
            var partial = word.PartCount > 0 && weight > 0 ? Math.Max(1, weight / Math.Min(word.PartCount, byte.MaxValue)) : 0;
            for (var e = 0; e < word.Stems.Length; e++)
            {
                var w = word.Parts[e] ? partial : weight;
                Add(new Posting(word.Stems[e], word.Forms[e], 0, w == 25 ? 0 : w, position, w));
            }
        }
        for (var f = 0; f < page.MetaKeys.Count; f++)
        {
            var field = words.FieldIds[page.MetaKeys[f]];
            var values = page.MetaWords[f];
            for (var position = 0; position < values.Length; position++)
            {
                var word = words.Meta(values[position]);
                for (var e = 0; e < word.Stems.Length; e++) Add(new Posting(word.Stems[e], word.Forms[e], 1, field, position, 0));
            }
        }
        scratch.Postings = postings;
        if (Packs(page, words))
        {
            // Sorted as numbers, and read back from them (a text posting's order is its weight; none weighs 25).
            if (scratch.Keys.Length < count) scratch.Keys = new ulong[Math.Max(count, scratch.Keys.Length * 2)];
            var keys = scratch.Keys;
            for (var k = 0; k < count; k++)
            {
                ref readonly var p = ref postings[k];
                keys[k] = Key(p.Stem, p.Form, p.Kind, p.Order, p.Position);
            }
            System.Array.Sort(keys, 0, count);
            for (var k = 0; k < count; k++)
            {
                var key = keys[k];
                var kind = (int)(key >> (OrderBits + PositionBits)) & 1;
                var order = (int)(key >> PositionBits) & ((1 << OrderBits) - 1);
                postings[k] = new Posting(
                    (int)(key >> (FormBits + KindBits + OrderBits + PositionBits)),
                    (int)(key >> (KindBits + OrderBits + PositionBits) & ((1 << FormBits) - 1)) - 1,
                    kind, order, (int)(key & ((1 << PositionBits) - 1)), kind == 0 ? (order == 0 ? 25 : order) : 0);
            }
        }
        else System.Array.Sort(postings, 0, count);
        var runs = scratch.Runs;
        var runCount = 0;
        var data = scratch.Data;
        var length = 0;
        void Put(int value)
        {
            if (length == data.Length) System.Array.Resize(ref data, data.Length * 2);
            data[length++] = value;
        }
        for (var i = 0; i < count;)
        {
            var (stem, form) = (postings[i].Stem, postings[i].Form);
            var offset = length;
            // Text: a change of weight is −weight − 1 and an absolute position, the rest differences.
            var weight = 25;
            var last = 0;
            for (; i < count && postings[i].Stem == stem && postings[i].Form == form && postings[i].Kind == 0; i++)
            {
                ref readonly var p = ref postings[i];
                if (p.Weight != weight)
                {
                    Put(-p.Weight - 1);
                    Put(p.Position);
                    weight = p.Weight;
                }
                else Put(p.Position - last);
                last = p.Position;
            }
            var textLength = length - offset;
            // Meta: a new field is −field − 1, positions differences from the field's start.
            var field = -1;
            for (; i < count && postings[i].Stem == stem && postings[i].Form == form; i++)
            {
                ref readonly var p = ref postings[i];
                if (p.Order != field)
                {
                    Put(-p.Order - 1);
                    field = p.Order;
                    last = 0;
                }
                Put(p.Position - last);
                last = p.Position;
            }
            if (runCount == runs.Length) System.Array.Resize(ref runs, runs.Length * 2);
            runs[runCount++] = new Run(stem, form, offset, textLength, length - offset - textLength);
        }
        (scratch.Runs, scratch.Data) = (runs, data);
        return new PageRuns(Kept.Copy<Run>(runs.AsSpan(0, runCount)), Kept.Copy<int>(data.AsSpan(0, length)), words);
    }
}
