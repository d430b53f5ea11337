namespace PdBot.Core.Retention;

/// <summary>One line of <c>pdbot retention preview</c> for a purpose's term: what ends or is destroyed, whose, and when.</summary>
/// <param name="Due">The clinic date it happens (the job runs hourly).</param>
/// <param name="What">«заявка на консультацию № 5», «согласие «Заявка на бесплатную консультацию»», «12 сообщений входящих».</param>
/// <param name="Action">«уничтожение данных заявки», «прекращение согласия»…</param>
/// <param name="Reason">«срок 30 дней с заявки», «заявка закрыта»…</param>
public sealed record TermPreviewItem(DateOnly Due, string? PersonId, string PurposeTitle, string What, string Action, string Reason);
