namespace PdBot.Tests.Admin.Console;

/// <summary>A shared console host with <c>Mailings:RequireApproval</c> on: an operator's mailing waits for an admin.</summary>
public sealed class FourEyesConsoleHost : SharedConsoleHost
{
    protected override string[] Args => ["--Mailings:RequireApproval", "true"];
}
