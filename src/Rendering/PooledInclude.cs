using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CaseRecord.Rendering;

/// <summary>
/// Scriban's <c>include</c>, rendering each partial into a buffer kept for the next include at the
/// same depth. Scriban's own renders every include into a new, empty StringBuilder: a table of
/// twelve rows grew one through ten blocks and was then copied twice, and that was a third of
/// all the render stage did (bench/README.md). The steps are Scriban's (recursion guard, no
/// indent carried in, the arguments as <c>$</c> in a scope of their own), so the partial's
/// output is the same; an include with named arguments or under automatic indentation, which
/// the theme never uses, goes to Scriban's own function.
/// </summary>
/// <remarks>One per <see cref="TemplateContext"/>, so one thread at a time uses its buffers.</remarks>
internal sealed class PooledInclude(IScriptCustomFunction scribans) : IScriptCustomFunction
{
    private const int InitialBuffer = 16 * 1024, MaxKept = 256 * 1024;
    private readonly List<StringBuilderOutput> _buffers = [];
    private int _depth;

    /// <summary>Puts this in place of the context's <c>include</c>.</summary>
    public static void Install(TemplateContext context)
    {
        if (context.BuiltinObject.TryGetValue("include", out var found) && found is IScriptCustomFunction include)
            context.BuiltinObject.SetValue("include", new PooledInclude(include), true);
    }

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (callerContext is null || arguments.Count == 0 || context.CurrentIndent is not null || context.TemplateLoader is not { } loader
            || callerContext is ScriptFunctionCall { Arguments: var given } && given.Any(a => a is ScriptNamedArgument)
            || context.ObjectToString(arguments[0]) is not { Length: > 0 } name)
            return scribans.Invoke(context, callerContext, arguments, blockStatement); // its errors and its rarer cases
        if (loader.GetPath(context, callerContext.Span, name) is not { } path) return scribans.Invoke(context, callerContext, arguments, blockStatement);
        var template = context.GetOrCreateTemplate(path, callerContext);
        // An include that is a statement of its own (every one the theme has) would only have its
        // text written where it stands: it writes there itself, without a buffer or a string.
        var direct = callerContext.Parent is ScriptExpressionStatement statement && ReferenceEquals(statement.Expression, callerContext)
            && template is { HasErrors: false, Page: not null }; // Scriban's own reports a broken partial
        // A stock partial written by code writes where it stands too; it declines, having written
        // nothing, when the variables are not the views it knows, and Scriban renders the partial.
        if (direct && context is ThemeContext theme && context.Output is StringBuilderOutput output && theme.TryWriteNative(template, output.Builder))
            return null;
        context.EnterRecursive(callerContext);
        if (!direct) context.PushOutput(Buffer());
        context.PushLocal();
        _depth++;
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, true);
            if (!direct) return template.Render(context); // which takes the text out and empties the buffer
            RenderInPlace(context, template, template.Page!);
            return null;
        }
        finally
        {
            _depth--;
            context.PopLocal();
            if (!direct) context.PopOutput();
            context.ExitRecursive(callerContext);
        }
    }

    /// <summary>What <see cref="Template.Render(TemplateContext)"/> does before it takes the text out of the output.</summary>
    internal static void RenderInPlace(TemplateContext context, Template template, ScriptPage page)
    {
        if (template.SourceFilePath is { } file) context.PushSourceFile(file);
        try
        {
            var result = context.Evaluate(page);
            if (context.EnableOutput && result is not null) context.Write(page.Span, result);
        }
        finally
        {
            if (template.SourceFilePath is not null) context.PopSourceFile();
        }
    }

    // The buffer for the include about to start, one per depth of nesting; one a huge partial
    // grew past MaxKept is let go, so it does not stay that size for the rest of the build.
    private StringBuilderOutput Buffer()
    {
        if (_depth == _buffers.Count) _buffers.Add(new StringBuilderOutput(new StringBuilder(InitialBuffer)));
        var buffer = _buffers[_depth];
        if (buffer.Builder.Capacity > MaxKept) _buffers[_depth] = buffer = new StringBuilderOutput(new StringBuilder(InitialBuffer));
        buffer.Builder.Clear(); // an include stopped by a template error leaves its start behind
        return buffer;
    }

    public int RequiredParameterCount => scribans.RequiredParameterCount;

    public int ParameterCount => scribans.ParameterCount;

    public ScriptVarParamKind VarParamKind => scribans.VarParamKind;

    public Type ReturnType => scribans.ReturnType;

    public ScriptParameterInfo GetParameterInfo(int index) => scribans.GetParameterInfo(index);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        scribans.InvokeAsync(context, callerContext, arguments, blockStatement);
}
