using LiteDB;
using PdBot.Core.Audit;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// Reads an audit document field by field: verification maps every entry of the trail, and LiteDB's reflection
/// mapper costs several times the reading. A document with any field of an unexpected type gets null, so the
/// caller maps it the general way and reports it as it always did.
/// </summary>
internal static class AuditDocument
{
    public static AuditEntry? TryRead(BsonDocument doc)
    {
        var e = new AuditEntry();
        foreach (var (name, value) in doc)
        {
            if (value.IsString)
            {
                if (!SetText(e, name, value.AsString))
                {
                    return null;
                }

                continue;
            }

            switch (name)
            {
                case "_id" when value.IsInt64 || value.IsInt32:
                    e.Seq = value.AsInt64;
                    break;
                case nameof(AuditEntry.TimeUtc) when value.IsDateTime:
                    e.TimeUtc = value.AsDateTime.ToUniversalTime();
                    break;
                case nameof(AuditEntry.TextVersion) when value.IsInt32:
                    e.TextVersion = value.AsInt32;
                    break;
                case nameof(AuditEntry.Buttons) when value.IsArray && value.AsArray.All(b => b.IsString):
                    e.Buttons = [.. value.AsArray.Select(b => b.AsString)];
                    break;
                default:
                    return null;
            }
        }

        return e;
    }

    private static bool SetText(AuditEntry e, string name, string text)
    {
        switch (name)
        {
            case nameof(AuditEntry.Kind): e.Kind = text; break;
            case nameof(AuditEntry.Event): e.Event = text; break;
            case nameof(AuditEntry.Channel): e.Channel = text; break;
            case nameof(AuditEntry.UserId): e.UserId = text; break;
            case nameof(AuditEntry.UserSalt): e.UserSalt = text; break;
            case nameof(AuditEntry.UserDigest): e.UserDigest = text; break;
            case nameof(AuditEntry.PersonId): e.PersonId = text; break;
            case nameof(AuditEntry.MessageId): e.MessageId = text; break;
            case nameof(AuditEntry.PurposeId): e.PurposeId = text; break;
            case nameof(AuditEntry.TextHash): e.TextHash = text; break;
            case nameof(AuditEntry.Actor): e.Actor = text; break;
            case nameof(AuditEntry.Detail): e.Detail = text; break;
            case nameof(AuditEntry.PrevHash): e.PrevHash = text; break;
            case nameof(AuditEntry.Hash): e.Hash = text; break;
            default: return false;
        }

        return true;
    }
}
