using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Haven.WebApp.Services;

/// <summary>
/// Keeps a reporter's case key between the pages of one follow-up visit: in a cookie that the browser keeps only until it
/// closes, that scripts cannot read, that goes to no other site, and that only this app can decrypt.
/// </summary>
public sealed class CaseKeySession(IDataProtectionProvider protection)
{
    private const string CookieName = "haven.case-key";
    private readonly IDataProtector _protector = protection.CreateProtector("Haven.WebApp.CaseKeySession.v1");

    public CaseKey? Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<CaseKey>(_protector.Unprotect(cookie));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    public void Keep(HttpContext context, CaseKey key) =>
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(key)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });

    public void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName);
}
