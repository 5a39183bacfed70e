using Scalar.AspNetCore;

namespace Haven.Gateway.ApiDocs;

/// <summary>One OpenAPI document per service, as the gateway serves it.</summary>
public sealed record ApiDocument(string Service, string Url);

/// <summary>
/// The list of the services' OpenAPI documents at <c>/openapi</c> and, in development, a reference UI at <c>/scalar</c>.
/// The documents themselves are proxy routes (appsettings.json, <c>openapi-{service}</c>); this list is read from them,
/// so a service added there is listed here.
/// </summary>
public static class ApiDocumentsApi
{
    public const string ReferencePath = "/scalar";
    private const string RoutePrefix = "openapi-";

    public static WebApplication MapApiDocuments(this WebApplication app)
    {
        var documents = app.Configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Where(route => route.Key.StartsWith(RoutePrefix, StringComparison.Ordinal) && route["Match:Path"] is not null)
            .Select(route => new ApiDocument(route.Key[RoutePrefix.Length..], route["Match:Path"]!))
            .OrderBy(d => d.Service, StringComparer.Ordinal)
            .ToList();

        app.MapGet("/openapi", () => TypedResults.Ok(documents));

        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(ReferencePath, options =>
            {
                options.WithTitle("Haven API");
                foreach (var document in documents)
                {
                    options.AddDocument(document.Service, $"Haven {document.Service}", document.Url, isDefault: document.Service == "intake");
                }
                options.AddPreferredSecuritySchemes(HttpApiExtensions.BearerScheme);
                // Nothing leaves the machine: no fonts from Scalar's servers (the browser's own are used), no telemetry, and none
                // of the hosted extras (AI chat, sharing, SDK generation, deploying) that would send the documents to its services.
                options.DefaultFonts = false;
                options.Telemetry = false;
                options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                options.Agent = new ScalarAgentOptions { Disabled = true };
            });
        }
        return app;
    }
}
