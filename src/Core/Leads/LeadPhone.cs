using PhoneNumbers;

namespace PdBot.Core.Leads;

/// <summary>
/// The phone of a request: parsed and checked with libphonenumber (default region RU, so «8 999…» and «999…» are
/// Russian numbers), kept as E.164, and shown masked everywhere but the request's page.
/// </summary>
public static class LeadPhone
{
    private const string Example = "например +7 999 123-45-67 или 8 999 123-45-67";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of <paramref name="text"/>, or a Russian message saying what is wrong.</summary>
    public static (string? E164, string? Error) Normalize(string? text)
    {
        var typed = (text ?? "").Trim();
        var digits = typed.Count(char.IsAsciiDigit);
        if (digits == 0)
        {
            return (null, $"Это не похоже на номер телефона: в нём нет цифр. Напишите номер цифрами, {Example}.");
        }

        if (typed.Any(c => char.IsLetter(c)))
        {
            return (null, $"В номере телефона не должно быть букв. Напишите номер цифрами, {Example}.");
        }

        if (digits < 10)
        {
            return (null, $"В номере слишком мало цифр ({digits}): нужен номер с кодом, {Example}.");
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(typed, "RU");
        }
        catch (NumberParseException)
        {
            return (null, $"Не получилось разобрать номер. Напишите его цифрами, {Example}.");
        }

        return Util.IsValidNumber(number)
            ? (Util.Format(number, PhoneNumberFormat.E164), null)
            : (null, $"Такого номера не существует: проверьте код оператора и цифры ({Example}).");
    }

    /// <summary>«+7 999 ***-**-67»: the country code, the operator's code and the last two digits.</summary>
    public static string Mask(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return "—";
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(e164, "RU");
        }
        catch (NumberParseException)
        {
            return "***";
        }

        var shown = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
        var code = number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var total = shown.Count(char.IsAsciiDigit);
        var seen = 0;
        return string.Concat(shown.Select(c =>
        {
            if (!char.IsAsciiDigit(c))
            {
                return c;
            }

            seen++;
            return seen <= code + 3 || seen > total - 2 ? c : '*';
        }));
    }

    /// <summary>The full number, readable: «+7 999 123-45-67» (only the request's page and the person's own answers).</summary>
    public static string Display(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return "—";
        }

        try
        {
            return Util.Format(Util.Parse(e164, "RU"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
