namespace PdBot.Bot.Api;

/// <summary>A queued notification: it goes out through the patient's channel at the platform's pace.</summary>
public sealed record PatientNotificationResponse(long Id, string PatientId, string State, DateTimeOffset CreatedAt);
