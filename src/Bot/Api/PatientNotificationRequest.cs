namespace PdBot.Bot.Api;

/// <summary>The body of <c>POST /api/v1/notifications</c>.</summary>
/// <param name="PatientId">The patient's id in the clinic's system (bound through a patient link).</param>
/// <param name="Text">The service message, up to 4096 characters.</param>
/// <param name="Buttons">Optional answers: «Подтверждаю», «Перенести», «Отменить».</param>
public sealed record PatientNotificationRequest(string? PatientId, string? Text, IReadOnlyList<string>? Buttons);
