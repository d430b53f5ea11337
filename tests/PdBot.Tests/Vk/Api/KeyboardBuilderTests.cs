using PdBot.Adapters.Vk.Api;

namespace PdBot.Tests.Vk.Api;

public sealed class KeyboardBuilderTests
{
    [Fact]
    public void An_inline_callback_keyboard_has_VKs_json_shape_with_the_payload_as_a_string()
    {
        var json = new KeyboardBuilder()
            .SetInline()
            .AddCallbackButton("☑ Новости", """{"cmd":"untick"}""", KeyboardButtonColor.Positive)
            .AddLine()
            .AddButton("Помощь", """{"cmd":"help"}""")
            .Build()
            .ToJson();

        Assert.Equal(
            """{"one_time":false,"inline":true,"buttons":[[{"action":{"type":"callback","label":"☑ Новости","payload":"{\"cmd\":\"untick\"}"},"color":"positive"}],[{"action":{"type":"text","label":"Помощь","payload":"{\"cmd\":\"help\"}"}}]]}""",
            json);
    }

    [Fact]
    public void One_time_and_secondary_color_are_written()
    {
        var json = new KeyboardBuilder().SetOneTime().AddButton("Да", """{"a":1}""", KeyboardButtonColor.Secondary).Build().ToJson();
        Assert.Equal("""{"one_time":true,"inline":false,"buttons":[[{"action":{"type":"text","label":"Да","payload":"{\"a\":1}"},"color":"secondary"}]]}""", json);
    }

    [Fact]
    public void An_empty_inline_keyboard_can_be_built_to_remove_the_buttons()
    {
        var keyboard = new KeyboardBuilder().SetInline().Build();
        Assert.Empty(keyboard.Buttons);
        Assert.Equal("""{"one_time":false,"inline":true,"buttons":[]}""", keyboard.ToJson());
    }

    [Fact]
    public void A_long_label_is_cut_to_40_characters_ending_with_an_ellipsis()
    {
        var label = new KeyboardBuilder().AddButton(new string('а', 50), "{}").Build().Buttons[0][0].Action.Label;
        Assert.Equal(40, label.Length);
        Assert.EndsWith("…", label, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_keyboard_refuses_an_eleventh_button_and_a_seventh_row()
    {
        var ten = new KeyboardBuilder().SetInline();
        for (var i = 0; i < 5; i++)
        {
            ten.AddCallbackButton($"a{i}", "{}").AddCallbackButton($"b{i}", "{}").AddLine();
        }

        Assert.Throws<InvalidOperationException>(() => ten.AddCallbackButton("b10", "{}"));

        var rows = new KeyboardBuilder();
        for (var i = 0; i < 7; i++)
        {
            rows.AddButton($"r{i}", "{}").AddLine();
        }

        Assert.Throws<InvalidOperationException>(() => rows.SetInline().Build());
    }

    [Fact]
    public void An_inline_keyboard_cannot_be_one_time()
    {
        Assert.Throws<InvalidOperationException>(() => new KeyboardBuilder().SetOneTime().SetInline().AddButton("Да", "{}").Build());
    }

    [Fact]
    public void Clear_starts_over()
    {
        var keyboard = new KeyboardBuilder().AddButton("x", "{}").AddLine().AddButton("y", "{}").Clear().AddButton("z", "{}").Build();
        Assert.Equal("z", Assert.Single(Assert.Single(keyboard.Buttons)).Action.Label);
    }
}
