using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Haven.WebApp.Services;

/// <summary>
/// Calls the gateway as the signed-in user: their access token, saved at sign-in, goes with every API call. A call that
/// already says who it is (a reporter's case key) keeps its own header; an anonymous visitor's calls go without one.
/// </summary>
public sealed class AccessTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && http.HttpContext is { User.Identity.IsAuthenticated: true } context
            && await context.GetTokenAsync("access_token") is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
