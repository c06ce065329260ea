//! Twilio's webhook signature (`X-Twilio-Signature`), exactly as PROTOCOLS.md describes:
//! HMAC-SHA1 over the full public URL followed by the form parameters sorted by name (each
//! name then its value, no separators), keyed with the auth token, base64. The URL is accepted
//! with and without an explicit default port, since Twilio signs whichever form it was given.
//! JSON-body webhooks carry `bodySHA256` in the query: the URL is verified, then the body's
//! hash. Comparison is constant-time.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Digest as _;

type HmacSha1 = Hmac<sha1::Sha1>;

/// Escapes text for a TwiML attribute or element.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The signature Twilio would send for this request.
pub fn signature(url: &str, params: &[(String, String)], auth_token: &str) -> String {
    STANDARD.encode(mac(url, params, auth_token).finalize().into_bytes())
}

fn mac(url: &str, params: &[(String, String)], auth_token: &str) -> HmacSha1 {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut mac = <HmacSha1 as KeyInit>::new_from_slice(auth_token.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(url.as_bytes());
    for (name, value) in sorted {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    mac
}

/// True if `header` is Twilio's signature of a form post to `url` with `params`.
pub fn verify(url: &str, params: &[(String, String)], auth_token: &str, header: &str) -> bool {
    let Ok(claimed) = STANDARD.decode(header.trim()) else { return false };
    url_variants(url).iter().any(|candidate| mac(candidate, params, auth_token).verify_slice(&claimed).is_ok())
}

/// True if `header` signs `url` (with no form parameters) and the URL's `bodySHA256` is the
/// hex SHA-256 of `body`.
pub fn verify_json(url: &str, body: &[u8], auth_token: &str, header: &str) -> bool {
    if !verify(url, &[], auth_token, header) {
        return false;
    }
    let Some(query) = url.split_once('?').map(|(_, q)| q) else { return false };
    let Some(claimed) = query.split('&').find_map(|kv| kv.strip_prefix("bodySHA256=")) else { return false };
    let actual = hex::encode(sha2::Sha256::digest(body));
    // Not secret, but compared without early exit anyway.
    claimed.len() == actual.len() && claimed.bytes().zip(actual.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// The URL as given, plus the same URL with its default port added or removed.
fn url_variants(url: &str) -> Vec<String> {
    let mut variants = vec![url.to_owned()];
    let Some((scheme, rest)) = url.split_once("://") else { return variants };
    let default = match scheme.to_ascii_lowercase().as_str() {
        "https" => "443",
        "http" => "80",
        _ => return variants,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let other = match authority.rsplit_once(':') {
        Some((host, port)) if port == default => host.to_owned(),
        Some(_) => return variants,
        None => format!("{authority}:{default}"),
    };
    variants.push(format!("{scheme}://{other}{tail}"));
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector() -> Vec<(String, String)> {
        [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
    }

    #[test]
    fn the_protocols_test_vector_passes() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assert_eq!(signature(url, &vector(), "12345"), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assert!(verify(url, &vector(), "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        // Parameter order on the wire does not matter.
        let mut reversed = vector();
        reversed.reverse();
        assert!(verify(url, &reversed, "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    #[test]
    fn the_default_port_may_be_present_or_not() {
        let with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        assert!(verify(with_port, &vector(), "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "signed without, received with");
        let signed_with = signature(with_port, &vector(), "12345");
        assert!(verify("https://mycompany.com/myapp.php?foo=1&bar=2", &vector(), "12345", &signed_with));
        assert!(!verify(
            "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
            &vector(),
            "12345",
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
    }

    #[test]
    fn anything_changed_fails() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        let good = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
        assert!(!verify(url, &vector(), "54321", good), "another token");
        assert!(!verify("https://mycompany.com/myapp.php?bar=2&foo=1", &vector(), "12345", good), "query reordered");
        let mut tampered = vector();
        tampered[2].1 = "9999".into();
        assert!(!verify(url, &tampered, "12345", good), "a parameter changed");
        assert!(!verify(url, &vector(), "12345", "not base64!"), "garbage");
        assert!(!verify(url, &vector(), "12345", ""), "empty");
    }

    #[test]
    fn json_bodies_are_checked_by_their_hash() {
        let body = br#"{"hello":"world"}"#;
        let url = format!("https://example.com/hook?bodySHA256={}", hex::encode(sha2::Sha256::digest(body)));
        let header = signature(&url, &[], "tok");
        assert!(verify_json(&url, body, "tok", &header));
        assert!(!verify_json(&url, br#"{"hello":"there"}"#, "tok", &header), "body changed");
    }
}
