using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering;

/// <summary>
/// Rewrites every <c>target.member</c> of a parsed template into a node that remembers, for the
/// last type it read the member of, the bound getter of that member. Scriban looks up the
/// accessor of the target's type in the context and then the member's name in the accessor for
/// every read, and a page reads thousands: those two look-ups were about 2 % of a cold build's
/// CPU (bench/history.md). The node reads through the same getter the accessor would use, and
/// leaves every other read to Scriban, so pages come out byte for byte the same. Only reads of
/// a path (<c>a.b.c</c>: variables and members, nothing that calls) are rewritten, since a read
/// left to Scriban evaluates its target again.
/// </summary>
internal sealed class MemberReads : ScriptRewriter
{
    public static void Apply(Template template)
    {
        if (template.Page is { Body: { } body } page) page.Body = (ScriptBlockStatement)new MemberReads().Visit(body);
    }

    public override ScriptNode Visit(ScriptMemberExpression node)
    {
        var visited = base.Visit(node);
        if (visited is not ScriptMemberExpression { Target: { } target, Member: { } member } read || read.GetType() != typeof(ScriptMemberExpression) || !IsPath(target))
            return visited;
        // Taken from the node they belong to, since a node has one parent (the dot is a new one's own).
        read.Target = null!;
        read.Member = null!;
        return new RememberedMemberExpression { Target = target, Member = member, Span = read.Span };
    }

    private static bool IsPath(ScriptExpression target) => target switch
    {
        ScriptVariable => true,
        ScriptMemberExpression { Target: { } inner } => IsPath(inner),
        _ => false,
    };
}

/// <summary>A member read that skips Scriban's two look-ups when its target is of the type last read (see <see cref="MemberReads"/>).</summary>
internal sealed class RememberedMemberExpression : ScriptMemberExpression
{
    /// <summary>The type read last, and its member's getter; replaced as a whole, so threads sharing the template never see half of one.</summary>
    private sealed record Last(Type Type, Func<object, object?> Get);

    // A read whose targets keep changing type stops remembering rather than make an entry each time.
    private const int MostChanges = 16;
    private Last? _last;
    private int _changes;
    private bool _scribans; // set once a target was not a view: from then on the read is Scriban's

    /// <summary>Whether a getter is remembered (for tests).</summary>
    internal bool Remembers => _last is not null;

    public override object? GetValue(TemplateContext context)
    {
        if (context is not ThemeContext || _scribans || Member?.Name is not { } name) return base.GetValue(context);
        var target = context.GetValue(Target);
        var last = _last;
        if (target is not null && last is not null && target.GetType() == last.Type) return last.Get(target);
        // Only a getter the theme's accessor would itself call is remembered; any other read
        // (a missing target, Scriban's own objects, a member the view does not have, a read whose
        // targets keep changing type) is Scriban's, which reads the path again.
        if (target is not null && _changes < MostChanges && ThemeContext.BoundGetter(context.GetMemberAccessor(target), name) is { } get)
        {
            _last = new Last(target.GetType(), get);
            _changes++;
            return get(target);
        }
        if (target is not null) _scribans = true;
        return base.GetValue(context);
    }
}
