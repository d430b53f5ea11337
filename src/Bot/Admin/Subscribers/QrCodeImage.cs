using QRCoder;

namespace PdBot.Bot.Admin.Subscribers;

/// <summary>A QR code as a PNG data: URI (the console's CSP allows data: images), large enough to print on a poster.</summary>
public static class QrCodeImage
{
    public static string PngDataUri(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(12);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
