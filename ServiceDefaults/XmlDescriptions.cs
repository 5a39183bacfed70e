using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Haven.Http;

/// <summary>
/// The services' XML comments as their OpenAPI descriptions: a type's summary for its schema, a property's (a record
/// parameter's <c>param</c>, which the compiler copies to its property) for the property. Read from the XML file beside each
/// assembly (<c>GenerateDocumentationFile</c>). ASP.NET Core's own XML support intercepts <c>AddOpenApi</c> calls in the
/// project that documents the types, and every service's call is in this shared project. An operation's parameter is described
/// by its handler's <c>param</c>, or, bound from an <c>[AsParameters]</c> record, by that record's property.
/// </summary>
internal static partial class XmlDescriptions
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Files = new();

    public static string? Of(Type type) => Summary(type.Assembly, "T:" + XmlName(type));

    public static string? Of(MemberInfo member) =>
        member.DeclaringType is { } declaring ? Summary(declaring.Assembly, "P:" + XmlName(declaring) + "." + member.Name) : null;

    /// <summary>A handler's parameter: its method's <c>param</c>, or its property's when an <c>[AsParameters]</c> record binds it.</summary>
    public static string? Of(ParameterInfo parameter) => parameter.Member switch
    {
        PropertyInfo property => Of(property),
        MethodBase { DeclaringType: { } declaring } method =>
            Summary(declaring.Assembly, $"M:{XmlName(declaring)}.{method.Name}#{parameter.Name}"),
        _ => null,
    };

    private static string? Summary(Assembly assembly, string member) =>
        Files.GetOrAdd(assembly, Load).GetValueOrDefault(member);

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var path = string.IsNullOrEmpty(assembly.Location) ? null : Path.ChangeExtension(assembly.Location, ".xml");
        if (path is null || !File.Exists(path))
        {
            return new Dictionary<string, string>();
        }
        // A method's params under its name without the signature (handlers are not overloaded): M:Type.Method#parameter.
        return XDocument.Load(path).Descendants("member")
            .SelectMany(m => (string?)m.Attribute("name") is not { } name ? [] :
                m.Elements("summary").Select(summary => (Name: name, Text: summary))
                    .Concat(name.StartsWith("M:", StringComparison.Ordinal)
                        ? m.Elements("param").Select(param => (Name: $"{name.Split('(')[0]}#{(string?)param.Attribute("name")}", Text: param))
                        : []))
            .GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => Text(g.First().Text));
    }

    /// <summary>Markdown, as OpenAPI descriptions are: code in backticks, a reference by its simple name, one line.</summary>
    private static string Text(XElement summary)
    {
        foreach (var node in summary.Descendants().ToList())
        {
            node.ReplaceWith(node.Name.LocalName switch
            {
                "c" => $"`{node.Value}`",
                "see" or "seealso" => (string?)node.Attribute("cref") is { } cref ? $"`{cref[(cref.LastIndexOf('.') + 1)..]}`" : node.Value,
                "paramref" or "typeparamref" => $"`{(string?)node.Attribute("name")}`",
                _ => node.Value,
            });
        }
        return Whitespace().Replace(summary.Value, " ").Trim();
    }

    // The compiler's names: namespaces and nesting with dots, generic arity after a backtick.
    private static string XmlName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
