using System.Security.Claims;
using System.Text.Encodings.Web;
using Haven.Identity;
using Haven.Intake.Data;
using Haven.Messaging.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Haven.Intake.CaseKeys;

/// <summary>
/// <c>Authorization: CaseKey &lt;key&gt;:&lt;secret&gt;</c>. A valid pair yields a narrow principal: the one report and
/// case it was issued for, and its institution (so the tenant filter applies), with no Haven role.
/// </summary>
public sealed class CaseKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IntakeDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CaseKey";
    public const string CaseClaim = "haven:case";
    public const string ReportClaim = "haven:report";

    // Spent on unknown keys too, so that timing does not tell which keys exist.
    private static readonly (byte[] Salt, byte[] Hash) Decoy = CaseKeySecrets.Hash("decoy");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var parts = header[(SchemeName.Length + 1)..].Trim().Split(':', 2);
        if (parts.Length != 2 || parts[0].Length is 0 or > 40 || parts[1].Length is 0 or > 100)
        {
            return AuthenticateResult.Fail("Malformed case key.");
        }

        // Before this, nobody knows the institution: the key is the credential, and it names its institution.
        var credential = await db.CaseKeys.AsNoTracking().AcrossInstitutions("a case key is looked up before its institution is known")
            .SingleOrDefaultAsync(k => k.Key == parts[0], Context.RequestAborted);
        if (credential is null)
        {
            CaseKeySecrets.Verify(parts[1], Decoy.Salt, Decoy.Hash, CaseKeySecrets.Unstretched);
            return AuthenticateResult.Fail("Unknown case key or wrong secret.");
        }
        if (!CaseKeySecrets.Verify(parts[1], credential.Salt, credential.SecretHash, credential.Iterations))
        {
            return AuthenticateResult.Fail("Unknown case key or wrong secret.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(HavenClaims.Subject, "case-key"),
            new Claim(HavenClaims.Institution, credential.InstitutionId),
            new Claim(CaseClaim, credential.CaseId.ToString()),
            new Claim(ReportClaim, credential.ReportId.ToString()),
        ], SchemeName, HavenClaims.Subject, HavenClaims.Roles);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }
}
