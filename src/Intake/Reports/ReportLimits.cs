namespace Haven.Intake.Reports;

/// <summary>Size and count limits of a report: generous for real reports, small enough that nobody stores a dump through us.</summary>
public static class ReportLimits
{
    public const int MaxCategories = 8;
    public const int MaxUrls = 10;
    public const int MaxEvidence = 20;
    public const int UrlLength = 2048;
    public const int EvidenceTextLength = 10_000;
    public const int HandleLength = 100;
    public const int DescriptionLength = 5_000;
    public const int PlatformLength = 50;
    public const int TopicLength = 100;
    public const int NameLength = 200;
    public const int EmailLength = 254;
    public const int DepartmentLength = 100;
    /// <summary>A reporter's reply, as long as a case manager's message to them.</summary>
    public const int ReplyLength = 4_000;
}
