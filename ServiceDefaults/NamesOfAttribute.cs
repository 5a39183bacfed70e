namespace Haven.Http;

/// <summary>
/// A string field (or list of strings) that takes the names of <see cref="EnumType"/>: the OpenAPI document lists them as
/// its <c>enum</c>. For request fields kept strings so that a wrong name gets a field error naming the choices, rather than
/// a malformed-body error.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NamesOfAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}
