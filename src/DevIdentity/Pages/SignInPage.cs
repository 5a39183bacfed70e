using System.Text;
using System.Text.Encodings.Web;
using OpenIddict.Abstractions;

namespace Haven.DevIdentity.Pages;

/// <summary>The development sign-in page: the institution's demo people, each a button that signs in as them.</summary>
public static class SignInPage
{
    // Only its own stylesheet; the form posts back to this provider, which then redirects to the WebApp.
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string Render(DemoInstitution institution, OpenIddictRequest request, string action)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in to Haven: {html.Encode(institution.Name)} (development)</title>
            <link rel="stylesheet" href="../signin.css">
            </head>
            <body>
            <main>
            <h1>Sign in to Haven</h1>
            <p class="institution">{html.Encode(institution.Name)}</p>
            <p class="notice" role="note"><strong>Development only.</strong> This stand-in for {html.Encode(institution.Name)}'s
            identity provider has no passwords: choose a demo person to sign in as them. A deployment signs people in with
            the institution's own provider.</p>
            <form method="post" action="{html.Encode(action)}">
            """);
        foreach (var (name, value) in request.GetParameters())
        {
            if (name != Haven.DevIdentity.DevelopmentGrant.PersonParameter && (string?)value is { } text)
            {
                page.Append($"""<input type="hidden" name="{html.Encode(name)}" value="{html.Encode(text)}">""").Append('\n');
            }
        }
        page.Append("<ul class=\"people\">\n");
        foreach (var person in institution.People)
        {
            page.Append($"""
                <li><button type="submit" name="{Haven.DevIdentity.DevelopmentGrant.PersonParameter}" value="{html.Encode(person.Id)}">
                <span class="name">{html.Encode(person.Name)}</span>
                <span class="roles">Roles: {html.Encode(string.Join(", ", person.Roles))}</span>
                </button></li>
                """).Append('\n');
        }
        page.Append("</ul>\n</form>\n</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    public const string Stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1b1d21; line-height: 1.5; }
        main { max-width: 36rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        .institution { font-size: 1.1rem; margin: 0 0 1rem; }
        .notice { background: #fff8e1; border: 1px solid #8a6d00; border-radius: .5rem; padding: .75rem 1rem; }
        .people { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; gap: .75rem; }
        .people button { width: 100%; text-align: left; font: inherit; color: inherit; background: #fff; cursor: pointer;
          border: 1px solid #5b6270; border-radius: .5rem; padding: .75rem 1rem; display: flex; flex-direction: column; }
        .people button:hover { background: #eef2ff; }
        .people button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
        .name { font-weight: 600; }
        .roles { font-size: .95rem; color: #3a3f47; }
        """;
}
