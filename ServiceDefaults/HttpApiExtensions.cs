using System.Text.Json;
using System.Text.Json.Serialization;
using Haven.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one HTTP convention of every Haven service: JSON in camelCase with enums by name, RFC 7807 problem details
/// carrying the trace id, a malformed body answered with where it is malformed, and an OpenAPI document.
/// </summary>
public static class HttpApiExtensions
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "Bearer";

    /// <summary>Where a service serves its document; the gateway serves it as <c>/openapi/{service}/v1.json</c>.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Development only: every route the service maps, for the test that finds routes missing from the document.</summary>
    public const string RoutesPath = "/openapi/routes.json";

    public static TBuilder AddHttpApiDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // JsonSerializerDefaults.Web (camelCase, case-insensitive reads) is minimal APIs' default; enums by name on top. Numbers
        // are numbers: Web's default would also read "5" as 5, and the documents would then type every number "integer or string".
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        builder.AddProblemDetailsDefaults();

        // A body or parameter that cannot be read is thrown rather than answered with a bare 400, so that BadRequestHandler can
        // say where it is malformed.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddExceptionHandler<UnavailableHandler>();

        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer(async (document, context, cancellationToken) =>
            {
                var service = context.ApplicationServices.GetRequiredService<ServiceIdentity>();
                document.Info.Title = $"Haven {service.Service} API";
                document.Info.Version = DocumentName;
                document.Info.Description = "Served by the gateway at /openapi/{service}/v1.json. Errors are RFC 7807 problem details " +
                    "(application/problem+json) with a traceId; enums are written and read by name.";
                // No servers: a client resolves paths against the address it fetched the document from, the gateway's.
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token from the caller's institution's OpenID Connect provider, with the haven audience and the " +
                        "sub, institution and roles claims.",
                };
                // The problems the operation transformer below refers to, present even where no handler names them.
                foreach (var type in new[] { typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), typeof(HttpValidationProblemDetails) })
                {
                    if (document.Components.Schemas?.ContainsKey(type.Name) != true)
                    {
                        document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
                    }
                }
                // A nullable property of a component's type is written as a oneOf of null and the $ref, and its description (the
                // schema transformer's) stays on the $ref: it belongs to the property.
                foreach (var property in (document.Components.Schemas?.Values ?? []).OfType<OpenApiSchema>()
                    .SelectMany(schema => schema.Properties?.Values ?? []).OfType<OpenApiSchema>())
                {
                    if (property is { Description: null, OneOf: [_, OpenApiSchemaReference { Reference.Description: { } description }] })
                    {
                        property.Description = description;
                    }
                }
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var property = context.JsonPropertyInfo?.AttributeProvider as System.Reflection.MemberInfo;
                if (property is null)
                {
                    schema.Description ??= XmlDescriptions.Of(context.JsonTypeInfo.Type);
                }
                // A property of a component's type becomes a $ref, which keeps this annotation as its description (as ASP.NET
                // Core's own XML support does): set on the schema, it would describe the component instead.
                else if (XmlDescriptions.Of(property) is { } description)
                {
                    if (schema.Metadata?.TryGetValue("x-schema-id", out var id) == true && id is string { Length: > 0 })
                    {
                        schema.Metadata["x-ref-description"] = description;
                    }
                    else
                    {
                        schema.Description ??= description;
                    }
                }
                if (property?.GetCustomAttributes(typeof(NamesOfAttribute), inherit: false) is [NamesOfAttribute names])
                {
                    var target = schema.Items as OpenApiSchema ?? schema;
                    target.Enum = [.. Enum.GetNames(names.EnumType).Select(name => (System.Text.Json.Nodes.JsonNode)name)];
                }
                // Every problem carries the trace id (AddProblemDetailsDefaults): the document says so.
                if (typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
                {
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties["traceId"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "The W3C trace id of the request: search the traces and logs for it.",
                    };
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // Query, path and header parameters: the handler's <param>, or the [AsParameters] record's property.
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Description is null))
                {
                    parameter.Description = context.Description.ParameterDescriptions
                        .Where(d => string.Equals(d.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))
                        .Select(d => (d.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo)
                        .Select(info => info is null ? null : XmlDescriptions.Of(info))
                        .FirstOrDefault(d => d is not null);
                }
                operation.Responses ??= [];
                // Any request can be refused as malformed: a body or query value that cannot be read, a NUL character anywhere.
                AddProblem(operation, StatusCodes.Status400BadRequest, "The request is malformed or invalid.", nameof(HttpValidationProblemDetails));
                // And any can meet a database that is restarting (UnavailableHandler).
                AddProblem(operation, StatusCodes.Status503ServiceUnavailable, "The service cannot reach its database (a restart): try again after Retry-After seconds.");
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
                // A route of its own scheme (the intake's case keys) declares its security itself.
                if (!anonymous && policies.Count > 0 && operation.Security is not { Count: > 0 })
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                }
                if (!anonymous && policies.Count > 0)
                {
                    AddProblem(operation, StatusCodes.Status401Unauthorized, "No valid token.");
                    AddProblem(operation, StatusCodes.Status403Forbidden, "The token's roles do not allow this.");
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>
    /// Every problem, whoever writes it (a handler, the status code pages, the exception handler, the gateway), names its
    /// trace: the id the dashboard's traces and structured logs are searched by, the same from the gateway to the service.
    /// </summary>
    public static TBuilder AddProblemDetailsDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        return builder;
    }

    /// <summary>The pipeline's part of the convention, and the document. Goes first.</summary>
    public static WebApplication UseHttpApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi(DocumentPath.Replace(DocumentName, "{documentName}"));
        if (app.Environment.IsDevelopment())
        {
            app.MapGet(RoutesPath, (EndpointDataSource source) => source.Endpoints.OfType<RouteEndpoint>()
                    .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                        .Select(method => new MappedRoute(method, "/" + e.RoutePattern.RawText?.TrimStart('/'))))
                    .Distinct()
                    .OrderBy(r => r.Path).ThenBy(r => r.Method)
                    .ToList())
                .ExcludeFromDescription();
        }
        return app;
    }

    private static void AddProblem(OpenApiOperation operation, int status, string description,
        string schema = nameof(Microsoft.AspNetCore.Mvc.ProblemDetails))
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema) },
            },
        };
    }

    public sealed record MappedRoute(string Method, string Path);

    /// <summary>
    /// The database dropped or refused the connection (a restart, a failover): 503 with Retry-After, not 500. No 2xx, so nothing
    /// was promised; the client may send the request again once the service is back, a few seconds later.
    /// </summary>
    private sealed class UnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (!IsUnavailable(exception))
            {
                return false;
            }
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service cannot reach its database.",
                Detail = "Send the request again in a few seconds.",
            };
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
        }

        // Npgsql marks a lost or refused connection transient, however deep EF Core or a disposed transaction wraps it.
        private static bool IsUnavailable(Exception? exception)
        {
            for (; exception is not null; exception = exception.InnerException)
            {
                if (exception is System.Data.Common.DbException { IsTransient: true })
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>A request that could not be read: 400 with the JSON path, line and position of the first fault.</summary>
    private sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }
            context.Response.StatusCode = bad.StatusCode;
            var json = bad.InnerException as JsonException;
            var where = json?.Path ?? "$";
            var detail = json is null
                ? bad.Message
                : $"The body is not valid for this request at {where} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
            var problem = new HttpValidationProblemDetails(json is null ? new Dictionary<string, string[]>() : new() { [where] = [FirstSentence(json.Message)] })
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = detail,
            };
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
        }

        // System.Text.Json's messages end with the path, line and position, given separately above; the value itself is never
        // part of them, so nothing the client sent is echoed. A wrong type is named by its .NET type, which means nothing to a
        // client: the document names the field's type.
        private static string FirstSentence(string message)
        {
            var sentence = message.Split(" Path:", 2)[0].Trim();
            return sentence.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal)
                ? "The value is not of the type the API's document gives for this field."
                : sentence;
        }
    }
}
