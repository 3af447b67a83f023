using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Fragments;

/// <summary>
/// A run of template statements whose output depends only on the values of a few variables (see
/// <see cref="FragmentRewriter"/>): rendered once for each set of values that recurs, and its
/// text written again wherever the same values come back (a figure's table row, the header and
/// navigation of every page of a section at one depth). Without a <see cref="FragmentCache"/> in
/// the context, or when a value is not one the cache can compare, the statements just run.
/// </summary>
internal sealed class CachedFragment : ScriptStatement
{
    private ScriptBlockStatement _body = null!;
    private readonly ScriptVariableGlobal[] _reads;

    public CachedFragment(ScriptBlockStatement body, ScriptVariableGlobal[] reads)
    {
        Body = body;
        _reads = reads;
        Span = body.Statements.Count > 0 ? body.Statements[0].Span : default;
    }

    public ScriptBlockStatement Body
    {
        get => _body;
        private init => ParentToThis(ref _body, value);
    }

    public override object? Evaluate(TemplateContext context)
    {
        if (!context.Tags.TryGetValue(typeof(FragmentCache), out var found) || found is not FragmentCache cache || !cache.Worthwhile(this)
            || Key(context, cache) is not { } key)
            return context.Evaluate(Body);
        if (cache.TryGet(key, out var text))
        {
            context.Write(text);
            return null;
        }
        if (!cache.WorthKeeping(key, key.Hash)) return context.Evaluate(Body);
        var output = new StringBuilderOutput(new StringBuilder(1024));
        context.PushOutput(output);
        try
        {
            context.Evaluate(Body);
        }
        finally
        {
            context.PopOutput();
        }
        text = output.Builder.ToString();
        cache.Keep(key, text);
        context.Write(text);
        return null;
    }

    // The values the fragment reads, or null when one cannot be a key; a variable not defined
    // (strict variables) is left for the statements to report, exactly as they would.
    private FragmentCache.Key? Key(TemplateContext context, FragmentCache cache)
    {
        var values = new object?[_reads.Length];
        var hash = new HashCode();
        hash.Add(this);
        for (var i = 0; i < _reads.Length; i++)
        {
            try { values[i] = context.Evaluate(_reads[i]); }
            catch (ScriptRuntimeException) { return null; }
            if (!cache.Equality.Comparable(values[i])) return null;
            hash.Add(cache.Equality.GetHashCode(values[i]));
        }
        return new FragmentCache.Key(this, values, hash.ToHashCode());
    }

    public override int ChildrenCount => 1;

    protected override ScriptNode GetChildrenImpl(int index) => Body;

    public override void PrintTo(ScriptPrinter printer) => printer.Write(Body);
}
