using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>
/// Who may do what in the console: admin — everything; operator — requests, consents and the test chat;
/// auditor — reads everything (including the audit page) and changes nothing.
/// </summary>
public static class AdminPolicies
{
    /// <summary>Any signed-in account.</summary>
    public const string Staff = "staff";

    /// <summary>May change things: fire request actions, talk in the test chat.</summary>
    public const string Act = "act";

    /// <summary>May read the audit trail.</summary>
    public const string Audit = "audit";

    /// <summary>May manage accounts.</summary>
    public const string Admin = "admin";

    public static string RoleName(AdminRole role) => role.ToString().ToLowerInvariant();

    public static readonly string[] ActRoles = [RoleName(AdminRole.Admin), RoleName(AdminRole.Operator)];

    public static readonly string[] AuditRoles = [RoleName(AdminRole.Admin), RoleName(AdminRole.Auditor)];

    public static readonly string[] StaffRoles = [RoleName(AdminRole.Admin), RoleName(AdminRole.Operator), RoleName(AdminRole.Auditor)];
}
