namespace PdBot.Core.Admin;

/// <summary>What an admin-console account may do: everything, requests and consents, or read only.</summary>
public enum AdminRole
{
    Admin,
    Operator,
    Auditor,
}
