namespace Haven.DevIdentity;

/// <summary>
/// The development grant <c>./haven token</c> uses (client <c>haven-cli</c>, whose secret is in the AppHost's data folder):
/// a token for any user and roles of the institution whose token endpoint is asked. It exists only in this provider.
/// </summary>
public static class DevelopmentGrant
{
    public const string Type = "urn:haven:grant-type:development";
    public const string UserParameter = "user";
    public const string RolesParameter = "roles";
    public const string MinutesParameter = "minutes";

    /// <summary>The person clicked on the sign-in page, posted back to the authorization endpoint.</summary>
    public const string PersonParameter = "haven_person";
}
