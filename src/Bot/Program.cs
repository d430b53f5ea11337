using PdBot.Bot.Cli;

// `pdbot` with no verb runs the host; verbs (chat, audit verify, consents export) run and exit.
// Everything this process writes (the database, keys, exports) is for PdBot's user only.
PdBot.Adapters.Files.PrivateFiles.RestrictProcessUmask();
return await PdBotCli.RunAsync(args);

/// <summary>The host's entry point, visible to tests that start it.</summary>
public partial class Program;
