using System.Collections.Immutable;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Fragments;

/// <summary>
/// Finds, in a parsed template, the runs of statements whose output is a function of a few
/// variables' values, and wraps each in a <see cref="CachedFragment"/>. A statement qualifies
/// when it only writes text, reads variables and their members, escapes, compares, tests and
/// loops (no function call, include or assignment: nothing with an effect or another input), and
/// every variable it reads from outside is one the renderer shares between pages
/// (<paramref name="shared"/>: the site and section) or the item of a loop around it. Works on
/// whatever the theme's templates say: nothing here knows their markup.
/// </summary>
internal static class FragmentRewriter
{
    public static void Apply(Template template, IReadOnlySet<string> shared)
    {
        if (template.Page?.Body is { } body) Rewrite(body, shared, []);
    }

    private static void Rewrite(ScriptBlockStatement block, IReadOnlySet<string> shared, ImmutableHashSet<string> loopItems)
    {
        var statements = block.Statements.ToList();
        block.Statements.Clear(); // frees each statement to be added again, wrapped or not
        var run = new List<ScriptStatement>();
        var reads = new Dictionary<string, ScriptVariableGlobal>(StringComparer.Ordinal);
        void Flush()
        {
            // A run that reads no variable is plain text, which costs nothing to write again.
            if (reads.Count > 0)
                block.Statements.Add(new CachedFragment(new ScriptBlockStatement { Statements = [.. run] }, [.. reads.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value)]));
            else
                foreach (var s in run) block.Statements.Add(s);
            run.Clear();
            reads.Clear();
        }
        foreach (var statement in statements)
        {
            var free = new Dictionary<string, ScriptVariableGlobal>(StringComparer.Ordinal);
            if (Pure(statement, [], free) && free.Keys.All(v => shared.Contains(v) || loopItems.Contains(v)))
            {
                run.Add(statement);
                foreach (var (name, node) in free) reads.TryAdd(name, node);
                continue;
            }
            Flush();
            Descend(statement, shared, loopItems);
            block.Statements.Add(statement);
        }
        Flush();
    }

    // Into the blocks of a statement that does not qualify as a whole: an if's branches, a loop's body (where its item is a key).
    private static void Descend(ScriptNode node, IReadOnlySet<string> shared, ImmutableHashSet<string> loopItems)
    {
        switch (node)
        {
            case ScriptForStatement { Variable: ScriptVariableGlobal item, Body: { } body } loop:
                Rewrite(body, shared, loopItems.Add(item.Name));
                if (loop.Else is { } otherwise) Descend(otherwise, shared, loopItems);
                break;
            case ScriptBlockStatement block:
                Rewrite(block, shared, loopItems);
                break;
            case ScriptIfStatement or ScriptElseStatement:
                for (var i = 0; i < node.ChildrenCount; i++)
                    if (node.GetChildren(i) is { } child) Descend(child, shared, loopItems);
                break;
        }
    }

    /// <summary>Whether the node only reads and writes (see the class); the variables it reads from outside are added to <paramref name="free"/>.</summary>
    private static bool Pure(ScriptNode? node, ImmutableHashSet<string> bound, Dictionary<string, ScriptVariableGlobal> free)
    {
        switch (node)
        {
            case null or ScriptRawStatement or ScriptEscapeStatement or ScriptLiteral or ScriptToken or ScriptKeyword or ScriptEndStatement:
                return true;
            case ScriptVariableGlobal variable:
                // A loop's own "for" (for.first and the like) counts as bound inside a loop of the
                // run; outside one it is free, and never a variable that qualifies.
                if (!bound.Contains(variable.Name)) free.TryAdd(variable.Name, variable);
                return true;
            case ScriptMemberExpression member:
                return Pure(member.Target, bound, free); // its member is a name, not a variable
            case ScriptForStatement loop:
                return loop.Variable is ScriptVariableGlobal item && loop.NamedArguments is null or { Count: 0 }
                    && Pure(loop.Iterator, bound, free) && Pure(loop.Body, bound.Add(item.Name).Add("for"), free) && Pure(loop.Else, bound, free);
            case ScriptList or ScriptExpressionStatement or ScriptIfStatement or ScriptElseStatement or ScriptBlockStatement
                or ScriptBinaryExpression or ScriptUnaryExpression or ScriptNestedExpression or HtmlEscapeExpression:
                for (var i = 0; i < node.ChildrenCount; i++)
                    if (!Pure(node.GetChildren(i), bound, free)) return false;
                return true;
            default:
                return false;
        }
    }
}
