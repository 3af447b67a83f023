using System.Reflection;

namespace CaseRecord.Rendering;

/// <summary>A property's getter as a delegate taking and returning objects.</summary>
internal static class PropertyGetter
{
    /// <remarks>
    /// A delegate bound to the getter rather than a compiled expression: a compiled expression is a
    /// dynamic method, whose resolver the finalizer then revisited at every collection (13 % of a
    /// build's CPU); and rather than <see cref="PropertyInfo.GetValue(object)"/>, whose reflection
    /// invoke costs several times the call.
    /// </remarks>
    public static Func<object, object?> Bind(PropertyInfo property) =>
        (Func<object, object?>)typeof(PropertyGetter).GetMethod(nameof(Typed), BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(property.DeclaringType!, property.PropertyType).Invoke(null, [property.GetMethod!])!;

    private static Func<object, object?> Typed<TOwner, TValue>(MethodInfo get)
    {
        var read = get.CreateDelegate<Func<TOwner, TValue>>();
        return owner => read((TOwner)owner);
    }
}
