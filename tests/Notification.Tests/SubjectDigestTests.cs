using Haven.Notification.Delivery;

namespace Haven.Notification.Tests;

public sealed class When_a_person_is_recognised_as_a_case_s_subject
{
    [Fact]
    public void The_digest_is_the_sha256_of_institution_and_email_as_intake_makes_it()
    {
        // printf '%s' 'mercy:dr.jane@mercy.org' | sha256sum
        Assert.Equal("f3c0a2f4d229f9840f0781dfe8f31db543fddcbb4ca1603c9e011edad0c45b0c", SubjectDigest.For("mercy", "dr.jane@mercy.org"));
    }

    [Theory]
    [InlineData("Dr.Jane@Mercy.org")]
    [InlineData("  dr.jane@mercy.org\t")]
    [InlineData("DR.JANE@MERCY.ORG")]
    public void Case_and_surrounding_spaces_of_the_email_do_not_matter(string email) =>
        Assert.Equal(SubjectDigest.For("mercy", "dr.jane@mercy.org"), SubjectDigest.For("mercy", email));

    [Fact]
    public void The_same_person_has_another_digest_at_another_institution()
    {
        // printf '%s' 'lakeside:dr.jane@mercy.org' | sha256sum
        Assert.Equal("5b0b65f1abf5b11ddbd495a801a4edb82e4f96c636721fe2f81d4e0e19e99ab3", SubjectDigest.For("lakeside", "dr.jane@mercy.org"));
        Assert.NotEqual(SubjectDigest.For("mercy", "dr.jane@mercy.org"), SubjectDigest.For("lakeside", "dr.jane@mercy.org"));
    }
}
