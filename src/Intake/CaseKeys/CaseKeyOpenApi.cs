using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Haven.Intake.CaseKeys;

/// <summary>The follow-up routes take a case key instead of a bearer token: the document says so.</summary>
internal static class CaseKeyOpenApi
{
    public static void DescribeCaseKeys(this OpenApiOptions options, string policy)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[CaseKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "\"CaseKey <key>:<secret>\", the case key and secret an anonymous reporter was given at submission.",
            };
            return Task.CompletedTask;
        });
        // Runs after the shared transformer, which gave every authorized route the bearer scheme.
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == policy))
            {
                operation.Security =
                    [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CaseKeyAuthenticationHandler.SchemeName, context.Document)] = [] }];
                operation.Responses?.Remove("403");
            }
            return Task.CompletedTask;
        });
    }
}
