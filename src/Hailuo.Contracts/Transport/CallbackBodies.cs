using System.Text.Json;

namespace Hailuo.Contracts.Transport;

/// <summary>The callback handshake: the provider POSTs {"challenge": "..."} and expects the same object back.</summary>
internal static class CallbackBodies
{
    public static string? ReadChallenge(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? challenge = null;
            var properties = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                properties++;
                var isChallenge = reader.ValueTextEquals("challenge");
                reader.Read();
                if (isChallenge && reader.TokenType == JsonTokenType.String)
                {
                    challenge = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            // Only a body that is just the challenge is the handshake; a status body never has that field alone.
            return properties == 1 ? challenge : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A status notification reads as the dialect's status answer does.</summary>
    public static TaskSnapshot? ReadStatus(WireDialect dialect, byte[] body) => dialect == WireDialect.MiniMax
        ? MiniMaxWire.ReadStatus(JsonBody.TryRead(body, HailuoJsonContext.Default.MiniMaxAnswer))
        : ApiMartWire.ReadStatus(JsonBody.TryRead(body, HailuoJsonContext.Default.ApiMartTaskAnswer));

    public static string ChallengeAnswer(string challenge)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("challenge", challenge);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
