using PdBot.Core.Leads;

namespace PdBot.Tests.Leads;

public sealed class LeadPhoneTests
{
    [Theory]
    [InlineData("8 999 123-45-67")]
    [InlineData("+7 (999) 123 45 67")]
    [InlineData("9991234567")]
    [InlineData("+79991234567")]
    public void Russian_ways_of_writing_a_mobile_number_become_one_E164_number(string typed)
    {
        var (e164, error) = LeadPhone.Normalize(typed);

        Assert.Null(error);
        Assert.Equal("+79991234567", e164);
    }

    [Theory]
    [InlineData("abc", "нет цифр")]
    [InlineData("123", "слишком мало цифр")]
    [InlineData("позвоните 89991234567", "не должно быть букв")]
    [InlineData("+7 000 123-45-67", "не существует")]
    [InlineData("8 123 456-78-90", "не существует")]
    public void Garbage_short_and_invalid_numbers_are_refused_with_a_russian_reason(string typed, string reason)
    {
        var (e164, error) = LeadPhone.Normalize(typed);

        Assert.Null(e164);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mask_keeps_the_country_and_operator_codes_and_the_last_two_digits() =>
        Assert.Equal("+7 999 ***-**-67", LeadPhone.Mask("+79991234567"));

    [Fact]
    public void The_full_number_is_shown_readable() =>
        Assert.Equal("+7 999 123-45-67", LeadPhone.Display("+79991234567"));
}
