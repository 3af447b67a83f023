using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering;

/// <summary>
/// A page's body as the base layout's <c>content</c>: the text its layout rendered into a buffer,
/// which <c>{{ content }}</c> copies straight into the page (see <see cref="ThemeContext"/>). As a
/// string it was a copy of every page's body, made to be copied once more: at 10,000 articles,
/// about 1 GB of the build's 8 GB of allocation.
/// </summary>
internal sealed class PageBody(StringBuilder text)
{
    public StringBuilder Text => text;

    // What any other use of the value sees, so a theme reading it otherwise gets the text.
    public override string ToString() => text.ToString();

    /// <summary>
    /// Whether the base layout only ever writes <c>content</c> out as a statement of its own
    /// (<c>{{ content }}</c>). A theme that reads it otherwise (a filter, a comparison) is given
    /// the plain string, so it sees what it always did.
    /// </summary>
    public static bool WrittenPlainly(Template layout)
    {
        var plain = true;
        if (layout.Page is { } page) Visit(page);
        return plain;

        void Visit(ScriptNode node)
        {
            if (node is ScriptVariable { Name: "content" } variable
                && !(variable.Parent is ScriptExpressionStatement statement && ReferenceEquals(statement.Expression, variable)))
                plain = false;
            for (var i = 0; i < node.ChildrenCount; i++)
                if (node.GetChildren(i) is { } child) Visit(child);
        }
    }
}
