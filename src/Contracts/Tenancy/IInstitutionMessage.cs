namespace Haven.Contracts.Tenancy;

/// <summary>
/// A message about one institution's data. A consumer of it works in that institution's scope, set before the consumer
/// runs (Haven's consume filter), so its queries see that institution's rows and nothing else.
/// </summary>
public interface IInstitutionMessage
{
    string InstitutionId { get; }
}
