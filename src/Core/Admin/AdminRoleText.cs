namespace PdBot.Core.Admin;

/// <summary>How a role is named to people (the console and the CLI).</summary>
public static class AdminRoleText
{
    public static string Russian(AdminRole role) => role switch
    {
        AdminRole.Admin => "администратор",
        AdminRole.Operator => "оператор",
        AdminRole.Auditor => "аудитор",
        _ => role.ToString(),
    };
}
