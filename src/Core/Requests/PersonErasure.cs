namespace PdBot.Core.Requests;

/// <summary>
/// What the store erases of one person. Identity documents and statements in their requests always go;
/// <see cref="Identifiers"/> (platform ids, chat id, their stored incoming messages, the ids in the audit trail)
/// only when no basis keeps them (policy 6.2.16: a contract in force needs the correspondence).
/// The store refuses to erase the identifiers of someone with a consent in force.
/// </summary>
public sealed record PersonErasure(string PersonId, bool Identifiers);
