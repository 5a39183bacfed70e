using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Haven.Http;

/// <summary>
/// The services' XML comments as their OpenAPI descriptions: a type's summary for its schema, a property's (a record
/// parameter's <c>param</c>, which the compiler copies to its property) for the property. Read from the XML file beside each
/// assembly (<c>GenerateDocumentationFile</c>). ASP.NET Core's own XML support intercepts <c>AddOpenApi</c> calls in the
/// project that documents the types, and every service's call is in this shared project.
/// </summary>
internal static partial class XmlDescriptions
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Files = new();

    public static string? Of(Type type) => Summary(type.Assembly, "T:" + XmlName(type));

    public static string? Of(MemberInfo member) =>
        member.DeclaringType is { } declaring ? Summary(declaring.Assembly, "P:" + XmlName(declaring) + "." + member.Name) : null;

    private static string? Summary(Assembly assembly, string member) =>
        Files.GetOrAdd(assembly, Load).GetValueOrDefault(member);

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var path = string.IsNullOrEmpty(assembly.Location) ? null : Path.ChangeExtension(assembly.Location, ".xml");
        if (path is null || !File.Exists(path))
        {
            return new Dictionary<string, string>();
        }
        return XDocument.Load(path).Descendants("member")
            .Select(m => (Name: (string?)m.Attribute("name"), Summary: m.Element("summary")))
            .Where(m => m.Name is not null && m.Summary is not null)
            .GroupBy(m => m.Name!)
            .ToDictionary(g => g.Key, g => Text(g.First().Summary!));
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
