namespace PdBot.Core.Reviews;

/// <summary>Russian names of review states for the console, the access answer and messages.</summary>
public static class ReviewLabels
{
    public static string State(ReviewState state) => state switch
    {
        ReviewState.Draft => "заполняется",
        ReviewState.Received => "получен",
        ReviewState.Published => "опубликован",
        ReviewState.TakeDownNow => "снять немедленно",
        ReviewState.TakenDown => "снят",
        ReviewState.Rejected => "отклонён",
        ReviewState.Withdrawn => "согласие отозвано",
        _ => state.ToString(),
    };
}
