using System.Text;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace CaseRecord.Rendering;

/// <summary>
/// Scriban's render context, but reading the views' properties through delegates bound to their
/// getters: its own accessor calls <see cref="PropertyInfo.GetValue(object)"/> for every member
/// a template reads, and that reflection invoke was about 1 % of a cold build's CPU. Which
/// members a type has, and under which names, stays Scriban's (see <see cref="BoundAccessor"/>).
/// </summary>
/// <param name="native">The templates written by code (see <see cref="Native.INativeTemplate"/>).</param>
internal sealed class ThemeContext(IReadOnlyDictionary<Template, Native.INativeTemplate> native) : TemplateContext
{
    public ThemeContext() : this(System.Collections.Immutable.ImmutableDictionary<Template, Native.INativeTemplate>.Empty) { }

    /// <summary>Writes a stock template by its code into <paramref name="output"/>; false, the output as it was, when it has none or its code declines (Scriban then renders it).</summary>
    public bool TryWriteNative(Template template, StringBuilder output) =>
        native.TryGetValue(template, out var writer) && Native.NativeTemplates.TryWrite(writer, this, output);

    /// <summary>Writes a page's body (<see cref="PageBody"/>) into the page without making a string of it.</summary>
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is PageBody body && Output is StringBuilderOutput output)
        {
            output.Builder.Append(body.Text);
            return this;
        }
        return base.Write(span, textAsObject!);
    }

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var accessor = base.GetMemberAccessorImpl(target);
        return accessor?.GetType() == typeof(TypedObjectAccessor) && BoundAccessor.Members(accessor) is { } members
            ? new BoundAccessor(target.GetType(), members.Comparer, MemberFilter, MemberRenamer)
            : accessor;
    }

    /// <summary>The getter an accessor of this context reads a member through, if it reads it through one.</summary>
    public static Func<object, object?>? BoundGetter(IObjectAccessor accessor, string member) =>
        accessor is BoundAccessor bound ? bound.Getter(member) : null;

    /// <summary>
    /// Scriban's accessor for a .NET type, made the same way (so it finds the same members under
    /// the same names), answering reads of a class's properties through bound getters and leaving
    /// everything else (fields, indexers, writes) to Scriban.
    /// </summary>
    private sealed class BoundAccessor : TypedObjectAccessor, IObjectAccessor
    {
        // Scriban keeps the members it found privately; read once for each type and thread.
        private static readonly FieldInfo? MembersField = typeof(TypedObjectAccessor).GetField("_members", BindingFlags.Instance | BindingFlags.NonPublic);

        private readonly Dictionary<string, Func<object, object?>> _getters;

        public BoundAccessor(Type type, IEqualityComparer<string> comparer, MemberFilterDelegate? filter, MemberRenamerDelegate? renamer)
            : base(type, comparer, filter, renamer)
        {
            _getters = new Dictionary<string, Func<object, object?>>(comparer);
            foreach (var (name, member) in Members(this) ?? [])
                if (member is PropertyInfo { DeclaringType.IsValueType: false, GetMethod: { IsStatic: false, IsPublic: true } } property
                    && property.GetIndexParameters().Length == 0)
                    _getters[name] = PropertyGetter.Bind(property);
        }

        public Func<object, object?>? Getter(string member) => _getters.GetValueOrDefault(member);

        public static Dictionary<string, MemberInfo>? Members(IObjectAccessor accessor) => MembersField?.GetValue(accessor) as Dictionary<string, MemberInfo>;

        // Scriban's is not virtual; Scriban calls it through the interface, which this class implements again.
        bool IObjectAccessor.TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            if (_getters.TryGetValue(member, out var get))
            {
                value = get(target);
                return true;
            }
            return TryGetValue(context, span, target, member, out value);
        }
    }
}
