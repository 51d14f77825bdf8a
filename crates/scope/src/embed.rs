//! Embed mode's parameters (`?embed=1&origin=…&accent=…&font=…`): what is accepted, and the
//! partner's accent colour kept only where it stays readable (WCAG 2.1 contrast of 4.5:1).

/// The query parameter that asks for embed mode, and the values that turn it on
/// (`?embed=1`, `?embed=true`). public/loader.js reads them too (to style the page as embedded
/// before it is first drawn): tests/loader.rs checks the two agree.
pub const EMBED_PARAM: &str = "embed";
pub const EMBED_VALUES: [&str; 2] = ["1", "true"];

/// Whether the embed parameter's value turns embed mode on.
pub fn embed_requested(value: &str) -> bool {
    EMBED_VALUES.contains(&value)
}

/// `https://host[:port]` or `http://…`, nothing else (no path, no wildcard).
pub fn valid_origin(origin: &str) -> bool {
    let rest = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    })
}

/// A hex colour of 3 or 6 digits, with or without `#`; given back with its `#`.
pub fn valid_colour(colour: &str) -> Option<String> {
    let hex = colour.trim_start_matches('#');
    ((hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| format!("#{hex}"))
}

/// A font family list of plain names: nothing that could close the CSS declaration.
pub fn valid_font(font: &str) -> bool {
    font.len() <= 80 && font.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '-' | '_' | '\''))
}

/// A colour as red, green and blue from 0 to 1.
pub type Rgb = (f64, f64, f64);

pub const WHITE: Rgb = (1.0, 1.0, 1.0);
/// The page background in the light and dark schemes (styles.css: --surface).
pub const LIGHT_SURFACE: Rgb = WHITE;
pub const DARK_SURFACE: Rgb = (0x1b as f64 / 255.0, 0x20 as f64 / 255.0, 0x26 as f64 / 255.0);

/// `#0b6e4f` or `0b6e4f` or `#fff`.
pub fn parse_hex(colour: &str) -> Option<Rgb> {
    let hex = colour.trim_start_matches('#');
    let digits: Vec<u32> = hex.chars().map(|c| c.to_digit(16)).collect::<Option<_>>()?;
    let channel = |i: usize| match digits.len() {
        3 => f64::from(digits[i] * 17) / 255.0,
        _ => f64::from(digits[2 * i] * 16 + digits[2 * i + 1]) / 255.0,
    };
    (digits.len() == 3 || digits.len() == 6).then(|| (channel(0), channel(1), channel(2)))
}

/// WCAG 2.1 relative luminance.
fn luminance((r, g, b): Rgb) -> f64 {
    let linear = |c: f64| if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2.1 contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The CSS custom properties the accent sets, one scheme at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct AccentProperty {
    pub name: &'static str,
    pub value: String,
}

/// The properties for a partner's accent colour: for each of the light and dark schemes where
/// it keeps 4.5:1 against the page, the colour and the text colour (white or near-black) that
/// reads on it.
pub fn accent_properties(accent: &str) -> Vec<AccentProperty> {
    let Some(rgb) = parse_hex(accent) else { return Vec::new() };
    let schemes = [
        ("--partner-accent-light", "--partner-accent-text-light", LIGHT_SURFACE),
        ("--partner-accent-dark", "--partner-accent-text-dark", DARK_SURFACE),
    ];
    let text = if contrast(rgb, WHITE) >= 4.5 { "#ffffff" } else { "#111111" };
    let mut out = Vec::new();
    for (colour_name, text_name, surface) in schemes {
        if contrast(rgb, surface) >= 4.5 {
            out.push(AccentProperty { name: colour_name, value: accent.to_string() });
            out.push(AccentProperty { name: text_name, value: text.to_string() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_mode_is_asked_for_with_1_or_true() {
        assert!(embed_requested("1") && embed_requested("true"));
        for other in ["", "0", "false", "yes", "TRUE", " 1"] {
            assert!(!embed_requested(other), "{other:?}");
        }
    }

    #[test]
    fn origins_are_scheme_and_host_only() {
        for ok in ["https://portal.example", "http://localhost:9000", "https://[::1]:8443", "https://a-b.c"] {
            assert!(valid_origin(ok), "{ok}");
        }
        for bad in [
            "",
            "https://",
            "ftp://x",
            "https://x/path",
            "*",
            "https://x?y",
            "javascript:alert(1)",
            "https://x y",
            "//x",
        ] {
            assert!(!valid_origin(bad), "{bad}");
        }
    }

    #[test]
    fn colours_and_fonts() {
        assert_eq!(valid_colour("0b6e4f").as_deref(), Some("#0b6e4f"));
        assert_eq!(valid_colour("#FfF").as_deref(), Some("#FfF"));
        for bad in ["", "#", "12", "1234", "12345", "1234567", "ggg", "0b6e4;", "red"] {
            assert_eq!(valid_colour(bad), None, "{bad}");
        }
        assert!(valid_font("Georgia, 'Times New Roman', serif"));
        assert!(valid_font(&"a".repeat(80)));
        assert!(!valid_font(&"a".repeat(81)));
        for bad in ["x;color:red", "x}", "\"x\"", "x/*", "url(x)"] {
            assert!(!valid_font(bad), "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag() {
        assert_eq!(parse_hex("fff"), Some(WHITE));
        assert_eq!(parse_hex("#000000"), Some((0.0, 0.0, 0.0)));
        assert_eq!(parse_hex("#336699"), Some((0x33 as f64 / 255.0, 0x66 as f64 / 255.0, 0x99 as f64 / 255.0)));
        assert_eq!(parse_hex("ggg"), None);
        assert_eq!(parse_hex("1234"), None);
        assert!((contrast(WHITE, (0.0, 0.0, 0.0)) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // Known pairs from the WCAG contrast checker.
        let ratio = |a: &str, b: &str| contrast(parse_hex(a).unwrap(), parse_hex(b).unwrap());
        assert!((ratio("777777", "ffffff") - 4.48).abs() < 0.01, "{}", ratio("777777", "ffffff"));
        assert!((ratio("0b6e4f", "ffffff") - 6.25).abs() < 0.05, "{}", ratio("0b6e4f", "ffffff"));
        assert!((ratio("ffffff", "0b6e4f") - ratio("0b6e4f", "ffffff")).abs() < 1e-12);
        assert!((ratio("010101", "000000") - 1.006).abs() < 0.001, "{}", ratio("010101", "000000"));
    }

    #[test]
    fn an_accent_is_kept_only_where_it_reads() {
        let names = |accent: &str| accent_properties(accent).into_iter().map(|p| (p.name, p.value)).collect::<Vec<_>>();
        // Dark green: fine on white, too dark on the dark page; white text on it.
        assert_eq!(
            names("#0b6e4f"),
            [("--partner-accent-light", "#0b6e4f".to_string()), ("--partner-accent-text-light", "#ffffff".to_string())]
        );
        // A light yellow: only on the dark page, with dark text.
        assert_eq!(
            names("#ffe066"),
            [("--partner-accent-dark", "#ffe066".to_string()), ("--partner-accent-text-dark", "#111111".to_string())]
        );
        // A middle grey reads on neither.
        assert!(names("#777777").is_empty());
        assert!(names("nonsense").is_empty());
    }
}
