using System.Security.Cryptography;
using System.Text;
using Haven.Audit.Chain;
using Haven.Audit.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Audit.Tests;

public sealed class When_a_checkpoint_is_signed
{
    private static readonly string HeadHash = ChainHasher.Sha256("head");
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 22, 21, 4, 5, TimeSpan.Zero);
    private static readonly string Statement = ChainHasher.CheckpointStatement("mercy", 42, HeadHash, SignedAt);

    [Fact]
    public async Task Another_institution_verifies_it_with_the_published_public_key_alone()
    {
        var signer = Signer(NewKeyPem());
        var (keyId, signature) = await signer.SignAsync(Statement, CancellationToken.None);
        var (publishedKeyId, publicKeyPem) = await signer.PublicKeyAsync(CancellationToken.None);

        using var witness = ECDsa.Create();
        witness.ImportFromPem(publicKeyPem);

        Assert.Equal(publishedKeyId, keyId);
        // IEEE P1363 (r ‖ s, 32 bytes each), as the checkpoint documents and as WebCrypto's ES256 expects.
        Assert.Equal(64, Convert.FromBase64String(signature).Length);
        Assert.True(witness.VerifyData(Encoding.UTF8.GetBytes(Statement), Convert.FromBase64String(signature), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("head hash")]
    [InlineData("institution")]
    [InlineData("signed at")]
    public async Task The_signature_does_not_cover_a_changed_statement(string changed)
    {
        var signer = Signer(NewKeyPem());
        var (_, signature) = await signer.SignAsync(Statement, CancellationToken.None);

        var altered = changed switch
        {
            "sequence" => ChainHasher.CheckpointStatement("mercy", 43, HeadHash, SignedAt),
            "head hash" => ChainHasher.CheckpointStatement("mercy", 42, ChainHasher.Sha256("another head"), SignedAt),
            "institution" => ChainHasher.CheckpointStatement("lakeside", 42, HeadHash, SignedAt),
            "signed at" => ChainHasher.CheckpointStatement("mercy", 42, HeadHash, SignedAt.AddTicks(10)),
            _ => throw new ArgumentOutOfRangeException(nameof(changed)),
        };

        Assert.NotEqual(Statement, altered);
        Assert.True(await signer.VerifyAsync(Statement, signature, CancellationToken.None));
        Assert.False(await signer.VerifyAsync(altered, signature, CancellationToken.None));
    }

    [Fact]
    public async Task A_signature_made_with_another_key_does_not_verify()
    {
        var (_, forged) = await Signer(NewKeyPem()).SignAsync(Statement, CancellationToken.None);

        Assert.False(await Signer(NewKeyPem()).VerifyAsync(Statement, forged, CancellationToken.None));
    }

    [Fact]
    public async Task The_key_id_names_the_public_key_so_a_verifier_can_tell_which_key_it_needs()
    {
        var pem = NewKeyPem();
        var (keyId, publicKeyPem) = await Signer(pem).PublicKeyAsync(CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(publicKeyPem)))[..16], keyId);
        Assert.Equal(keyId, (await Signer(pem).PublicKeyAsync(CancellationToken.None)).KeyId);
        Assert.NotEqual(keyId, (await Signer(NewKeyPem()).PublicKeyAsync(CancellationToken.None)).KeyId);
        Assert.DoesNotContain("PRIVATE", publicKeyPem);
    }

    [Fact]
    public void The_statement_names_the_institution_sequence_head_and_time_on_lines_of_their_own()
    {
        Assert.Equal(["haven-audit-checkpoint:v1", "mercy", "42", HeadHash, "2026-11-22T21:04:05.000000Z"], Statement.Split('\n'));
    }

    /// <summary>A configured key: the signer never reaches for the database.</summary>
    private static CheckpointSigner Signer(string privateKeyPem) => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:SigningKeyPem"] = privateKeyPem }).Build(),
        TimeProvider.System);

    private static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
