using System.Text.RegularExpressions;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>What counts as a secret in a recording, and what it is replaced with: one set of rules for scrubbing and for checking.</summary>
public static partial class SecretRules
{
    /// <summary>What a scrubbed value becomes.</summary>
    public const string Scrubbed = "<scrubbed>";

    /// <summary>Request headers that carry credentials; recordings keep none of them.</summary>
    public static readonly IReadOnlyList<string> CredentialHeaders = new[] { "Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key", "Api-Key" };

    /// <summary>Answer headers that carry credentials.</summary>
    public static readonly IReadOnlyList<string> CredentialAnswerHeaders = new[] { "Set-Cookie" };

    /// <summary>Whether a header name carries a credential.</summary>
    public static bool IsCredentialHeader(string name) =>
        CredentialHeaders.Concat(CredentialAnswerHeaders).Contains(name, StringComparer.OrdinalIgnoreCase) || SecretName().IsMatch(name);

    /// <summary>Whether a query parameter's name says its value is a key or a signature (sig, signature, token, api_key, X-Amz-Credential…).</summary>
    public static bool IsSecretParameter(string name) => SecretName().IsMatch(name);

    /// <summary>
    /// The text with every secret replaced, and why the first one was one (null when the text holds none): the given key
    /// itself, bearer tokens, JWTs and sk- keys, and the values of key and signature parameters in URLs.
    /// </summary>
    public static (string Text, string? Why) Clean(string text, string? knownKey = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? why = null;
        var cleaned = text;
        if (!string.IsNullOrEmpty(knownKey) && cleaned.Contains(knownKey, StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace(knownKey, Scrubbed, StringComparison.Ordinal);
            why = "the API key";
        }

        cleaned = Replace(cleaned, Bearer(), m => m.Groups["scheme"].Value + Scrubbed, "a bearer token", ref why);
        cleaned = Replace(cleaned, KeyLike(), _ => Scrubbed, "an API key or token", ref why);
        cleaned = Replace(cleaned, SecretQueryValue(), m => m.Groups["name"].Value + "=" + Scrubbed, "a key or signature in a URL", ref why, m => m.Groups["value"].Value != Scrubbed);
        cleaned = Replace(cleaned, UserInfo(), m => m.Groups["scheme"].Value + Scrubbed + "@", "a password in a URL", ref why);
        return (cleaned, why);
    }

    private static string Replace(string text, Regex pattern, Func<Match, string> by, string reason, ref string? why, Func<Match, bool>? secret = null)
    {
        var found = false;
        var result = pattern.Replace(text, m =>
        {
            if (secret is not null && !secret(m))
            {
                return m.Value;
            }

            found = true;
            return by(m);
        });
        if (found)
        {
            why ??= reason;
        }

        return result;
    }

    // Names of parameters and headers whose value is a credential: sig, signature, token, key, secret, credential, password.
    [GeneratedRegex(@"(?i)(sig|token|key|secret|credential|password|passwd)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<scheme>\b(?i:bearer|basic)\s+)(?!<scrubbed>)[A-Za-z0-9._~+/=-]{8,}")]
    private static partial Regex Bearer();

    // JWTs (MiniMax's keys) and sk- keys (APIMart's and most aggregators').
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(\.[A-Za-z0-9_-]*)?|\bsk-[A-Za-z0-9_-]{16,}")]
    private static partial Regex KeyLike();

    [GeneratedRegex(@"(?<=[?&])(?<name>[A-Za-z0-9_.-]*(?i:sig|token|key|secret|credential|password)[A-Za-z0-9_.-]*)=(?<value>[^&#\s""]*)")]
    private static partial Regex SecretQueryValue();

    [GeneratedRegex(@"(?<scheme>\bhttps?://)(?!<scrubbed>@)[^/@\s""]+:[^/@\s""]+@")]
    private static partial Regex UserInfo();
}
