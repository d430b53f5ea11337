using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Leads;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Leads;

/// <summary>Steps the consultation request tests share: the consent, a filled form, the stored requests.</summary>
public static class LeadSteps
{
    public const string ConsultationBox = "☐ Согласен(на) на обработку данных заявки";

    /// <summary>Operators' alerts go to a configured admin chat.</summary>
    public static Dictionary<string, string?> WithAdminChat() => new() { ["Requests:AdminChannel"] = "telegram", ["Requests:AdminChatId"] = "-100500" };

    /// <summary>«Хочу записаться на консультацию», the consent's tick and «Отправить»: the form's first question is next.</summary>
    public static TestFlow WithConsultationConsent(this PdBotTestHost host, string user = "u1") =>
        host.Chat(user).Send("Хочу записаться на консультацию").SkipReplies().Press(ConsultationBox).SkipReplies().Press("Отправить");

    /// <summary>A whole form, sent: Анна, 8 999 123-45-67, Wednesday 25.11 at 14:30 (the clock starts on Monday 23.11), «Терапия».</summary>
    public static Task SubmitAsync(this PdBotTestHost host, string user = "u1") =>
        host.WithConsultationConsent(user).Send("Анна").Send("8 999 123-45-67").Send("25.11").Send("14:30").Press("Терапия")
            .Press(Bot.Conversation.Consultation.ConsultationTexts.SendButton).SkipReplies().StartTestAsync();

    /// <summary>The press was answered (the spinner stops) before the form's reply.</summary>
    public static TestFlow Answered(this TestFlow flow) => flow.AssertReply(r => Assert.Equal(ReplyKind.ButtonAnswer, r.Kind));

    public static ILeadStore Leads(this PdBotTestHost host) => host.Services.GetRequiredService<ILeadStore>();

    public static IReadOnlyList<Lead> LeadsOf(this PdBotTestHost host, string user = "u1") =>
        host.Store.FindPerson("test", user) is { } p ? host.Leads().OfPerson(p.Id) : [];

    public static LeadTermSweep Sweep(this PdBotTestHost host) =>
        host.Services.GetServices<PdBot.Core.Retention.IPurposeDataSweep>().OfType<LeadTermSweep>().Single();
}
