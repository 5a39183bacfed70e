using System.Security.Cryptography;
using Haven.Intake.CaseKeys;

namespace Haven.Intake.Tests;

public sealed class When_an_anonymous_reporter_gets_a_case_key
{
    [Fact]
    public void A_new_secret_is_hashed_once_and_verifies_only_itself()
    {
        var secret = CaseKeySecrets.NewSecret();
        var (salt, hash) = CaseKeySecrets.Hash(secret);

        Assert.True(CaseKeySecrets.Verify(secret, salt, hash, CaseKeySecrets.Unstretched));
        Assert.False(CaseKeySecrets.Verify(CaseKeySecrets.NewSecret(), salt, hash, CaseKeySecrets.Unstretched));
        Assert.Equal(HMACSHA256.HashData(salt, System.Text.Encoding.UTF8.GetBytes(secret)), hash);
    }

    [Fact]
    public void A_secret_issued_with_100000_pbkdf2_rounds_still_verifies_with_its_stored_count()
    {
        var secret = CaseKeySecrets.NewSecret();
        var salt = RandomNumberGenerator.GetBytes(16);
        var legacy = Rfc2898DeriveBytes.Pbkdf2(secret, salt, 100_000, HashAlgorithmName.SHA256, 32);

        Assert.True(CaseKeySecrets.Verify(secret, salt, legacy, 100_000));
        Assert.False(CaseKeySecrets.Verify(secret, salt, legacy, CaseKeySecrets.Unstretched));
        Assert.False(CaseKeySecrets.Verify(CaseKeySecrets.NewSecret(), salt, legacy, 100_000));
    }
}
