using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CaseRecord.Rendering.Fragments;

/// <summary>
/// Whether two values a template reads would render the same: records property by property (the
/// properties are all a template can see), decimals with their scale (2 and 2.0 are equal numbers
/// but print differently), doubles bit for bit, strings ordinally; anything else (a list) only
/// as the same instance, since the views are never changed once made.
/// </summary>
internal sealed class RenderingEquality : IEqualityComparer<object?>
{
    private enum Kind { Instance, Text, Decimal, Double, Single, Simple, Record }

    // How each type is compared, and a record type's public properties as compiled getters.
    private readonly ConcurrentDictionary<Type, Shape> _shapes = new();

    private sealed record Shape(Kind Kind, Func<object, object?>[] Getters);

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.GetType() != y.GetType()) return false;
        if (x is string s) return string.Equals(s, (string)y, StringComparison.Ordinal);
        var shape = ShapeOf(x.GetType());
        switch (shape.Kind)
        {
            case Kind.Decimal: return decimal.GetBits((decimal)x).AsSpan().SequenceEqual(decimal.GetBits((decimal)y));
            case Kind.Double: return BitConverter.DoubleToInt64Bits((double)x) == BitConverter.DoubleToInt64Bits((double)y);
            case Kind.Single: return BitConverter.SingleToInt32Bits((float)x) == BitConverter.SingleToInt32Bits((float)y);
            case Kind.Simple: return x.Equals(y);
            case Kind.Record:
                foreach (var get in shape.Getters)
                    if (!Equals(get(x), get(y))) return false;
                return true;
            default: return false;
        }
    }

    public int GetHashCode(object? value)
    {
        if (value is null) return 0;
        if (value is string s) return s.GetHashCode(StringComparison.Ordinal);
        var shape = ShapeOf(value.GetType());
        switch (shape.Kind)
        {
            case Kind.Double: return BitConverter.DoubleToInt64Bits((double)value).GetHashCode();
            case Kind.Single: return BitConverter.SingleToInt32Bits((float)value);
            case Kind.Decimal or Kind.Simple: return value.GetHashCode();
            case Kind.Record:
                var hash = new HashCode();
                foreach (var get in shape.Getters) hash.Add(GetHashCode(get(value)));
                return hash.ToHashCode();
            default: return RuntimeHelpers.GetHashCode(value);
        }
    }

    /// <summary>Whether a value can be compared by what it shows (null, a string, a number, a record); a cache keyed on anything else would only ever hit the same instance.</summary>
    public bool Comparable(object? value) => value is null or string || ShapeOf(value.GetType()).Kind != Kind.Instance;

    private Shape ShapeOf(Type type) => _shapes.GetOrAdd(type, static t =>
        t == typeof(decimal) ? new(Kind.Decimal, [])
        : t == typeof(double) ? new(Kind.Double, [])
        : t == typeof(float) ? new(Kind.Single, [])
        : t.IsPrimitive || t.IsEnum ? new(Kind.Simple, [])
        // The compiler gives every record a protected EqualityContract; nothing else has one.
        : t.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null ? new(Kind.Record, Getters(t))
        : new(Kind.Instance, []));

    private static Func<object, object?>[] Getters(Type type) =>
        [.. type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0)
            .Select(PropertyGetter.Bind)];
}
