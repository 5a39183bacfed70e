using System.Text;
using Microsoft.Extensions.Hosting;

namespace Haven.Messaging.Tests;

public sealed class When_a_json_body_carries_a_NUL_character
{
    [Theory]
    [InlineData("""{"description":"a\u0000b"}""", "description")]
    [InlineData("""{"subject":{"name":"x","email":"\u0000"}}""", "subject.email")]
    [InlineData("""{"levels":[{"roles":["a","b\u0000"]},{"roles":["\u0000"]}],"repeats":1}""", "levels[0].roles[1]|levels[1].roles[0]")]
    [InlineData("""{"a":[1,{"b":null},[true,"\u0000"]],"c":"\u0000"}""", "a[2][1]|c")]
    [InlineData("""{"na\u0000me":"x"}""", "na\\u0000me")]
    [InlineData("""["ok","\u0000"]""", "[1]")]
    [InlineData("\"\\u0000\"", "$")]
    public void Each_place_it_occurs_is_named(string json, string expected)
    {
        Assert.Equal(expected.Split('|'), NulCharacterGuard.FindInJson(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"description":"no nul here","n":-1,"list":["\u0001"]}""")]
    [InlineData("""{"path":"C:\\u0000 is a literal backslash then u0000"}""")]
    [InlineData("""{ "broken": "\u0000""")]
    [InlineData("")]
    public void Text_without_one_and_malformed_json_pass(string json)
    {
        Assert.Empty(NulCharacterGuard.FindInJson(Encoding.UTF8.GetBytes(json)));
    }
}
