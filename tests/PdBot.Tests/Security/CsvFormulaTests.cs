using PdBot.Bot.Csv;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Security;

/// <summary>No CSV PdBot writes holds a cell a spreadsheet would run as a formula.</summary>
public sealed class CsvFormulaTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_cli_consent_export_writes_formula_like_user_ids_as_text()
    {
        // Platform ids arrive trimmed, so the tab and carriage return cases are the writer's own test below.
        string[] ids = ["=HYPERLINK(\"http://x\",\"открыть\")", "+79000000000", "@SUM(A1)", "-1+1"];
        foreach (var id in ids)
        {
            using var host = new PdBotTestHost(dbPath: Db);
            await host.Chat(id).Send("/start").Press("☐ Согласен(на) на рассылку").Press("Отправить").StartTestAsync();
        }

        var export = await CliRunner.RunAsync("consents", "export", "--format", "csv", "--db", Db);

        Assert.Equal(0, export.ExitCode);
        Assert.Contains(",test,\"'=HYPERLINK(\"\"http://x\"\",\"\"открыть\"\")\",mailing,", export.Out, StringComparison.Ordinal);
        Assert.Contains(",test,'+79000000000,mailing,", export.Out, StringComparison.Ordinal);
        Assert.Contains(",test,'@SUM(A1),mailing,", export.Out, StringComparison.Ordinal);
        Assert.Contains(",test,'-1+1,mailing,", export.Out, StringComparison.Ordinal);
        Assert.Equal(ids.Length + 1, export.Out.Trim().Split('\n').Length);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    [InlineData("Анна, \"Ромашка\"", "\"Анна, \"\"Ромашка\"\"\"")]
    [InlineData("a=1", "a=1")]
    [InlineData("", "")]
    public void Every_cell_is_quoted_as_RFC_4180_asks_and_a_formula_start_becomes_text(string value, string written) =>
        Assert.Equal(written, CsvWriter.Cell(value));

    [Fact]
    public async Task Rows_end_in_a_line_feed_and_null_cells_are_empty()
    {
        using var text = new StringWriter();
        var csv = new CsvWriter(text);

        await csv.WriteRowAsync(["a", null, "=b"]);
        csv.WriteRow(["c"]);

        Assert.Equal("a,,'=b\nc\n", text.ToString());
    }
}
