using System.Reflection;

namespace PdBot.Bot.Admin;

/// <summary>The console's one stylesheet, embedded in the assembly (no static-file folder to deploy).</summary>
public static class AdminStyles
{
    public static readonly string Css = Load();

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PdBot.Bot.Admin.admin.css")
            ?? throw new InvalidOperationException("admin.css is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
