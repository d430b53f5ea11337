namespace PdBot.Tests.Russian;

public sealed class LatinWordsTests
{
    [Theory]
    [InlineData("Согласие: Withdrawn", "Withdrawn")]
    [InlineData("Состояние InProgress, действие identity-confirmed", "InProgress,identity-confirmed")]
    [InlineData("Кто: system/cli", "system,cli")]
    public void English_words_are_found(string text, string expected) =>
        Assert.Equal(expected.Split(','), LatinWords.In(text));

    [Theory]
    [InlineData("Политика: https://medabolinet.ru/privacy, пишите на info@medaclinic.ru")]
    [InlineData("Напишите /stop или /privacy@ClinicBot")]
    [InlineData("SHA-256 3f7a9c0e11d2b4a5c6d7e8f901234567, человек 0192a3b4c5d6")]
    [InlineData("Отправлено в Telegram и VK, выгрузка CSV")]
    public void Urls_commands_hashes_ids_and_product_names_are_allowed(string text) =>
        Assert.Empty(LatinWords.In(text));
}
