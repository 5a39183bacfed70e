using System.Security.Cryptography;
using System.Text.Json;

namespace Haven.Hosting;

/// <summary>
/// Generated passwords, kept in the data folder (mode 600) so that a database or broker initialised
/// in an earlier run still accepts them. Never committed: the data folder is git-ignored.
/// </summary>
internal static class SecretStore
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static void Resolve(IEnumerable<ParameterResource> parameters, string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "secrets.json");
        var values = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];

        foreach (var parameter in parameters)
        {
            if (!values.TryGetValue(parameter.Name, out var value))
            {
                value = RandomNumberGenerator.GetString(Alphabet, parameter.MinLength);
                values[parameter.Name] = value;
            }
            parameter.Value = value;
        }

        File.WriteAllText(path, JsonSerializer.Serialize(values));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
