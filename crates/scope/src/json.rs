//! A small JSON reader and writer for the saved record and the exports.
//!
//! serde_json cost the wasm about 15 KB gzip for these two small documents; this covers what they
//! need. Numbers are kept as their text and read back as whole numbers only (no float parsing or
//! formatting in the wasm). The reader takes any valid JSON up to a nesting depth, and answers
//! anything else with an error that says where; the fuzz runs in tests/ and examples/ cover it.

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order.
    Object(Vec<(String, Json)>),
}

const MAX_DEPTH: usize = 64;

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            // The last of duplicate keys wins, as in most JSON readers.
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole, non-negative number that fits in u64.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => parse_u64(n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn from_u64(n: u64) -> Json {
        Json::Number(n.to_string())
    }

    /// Compact text.
    pub fn to_compact(&self) -> String {
        let mut w = Writer::new(false);
        self.write(&mut w);
        w.finish()
    }

    /// Indented text, two spaces a level.
    pub fn to_pretty(&self) -> String {
        let mut w = Writer::new(true);
        self.write(&mut w);
        w.finish()
    }

    fn write(&self, w: &mut Writer) {
        match self {
            Json::Null => w.raw("null"),
            Json::Bool(b) => w.bool(*b),
            Json::Number(n) => w.raw(n),
            Json::String(s) => w.str(s),
            Json::Array(items) => {
                w.begin('[');
                for item in items {
                    item.write(w);
                }
                w.end(']');
            }
            Json::Object(members) => {
                w.begin('{');
                for (key, value) in members {
                    w.key(key);
                    value.write(w);
                }
                w.end('}');
            }
        }
    }
}

/// Writes a JSON document as it goes, without building a [`Json`] first: compact, or indented two
/// spaces a level. The text is the same, byte for byte, as [`Json::to_compact`] and
/// [`Json::to_pretty`] give for the same document (they write through it).
pub struct Writer {
    out: String,
    pretty: bool,
    /// The arrays and objects open, innermost last: whether each has a member yet.
    open: Vec<bool>,
    /// A member name was just written, so the next value follows it directly.
    after_key: bool,
}

impl Writer {
    pub fn new(pretty: bool) -> Writer {
        Writer {
            out: String::new(),
            pretty,
            open: Vec::new(),
            after_key: false,
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self, level: usize) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str("  ");
            }
        }
    }

    /// What goes before a value or member name: a comma after the one before, and in pretty
    /// text a line break and indent. Nothing after a member name.
    fn separate(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        let level = self.open.len();
        if let Some(has_member) = self.open.last_mut() {
            let first = !std::mem::replace(has_member, true);
            if !first {
                self.out.push(',');
            }
            self.newline(level);
        }
    }

    /// A member name; its value is written next.
    pub fn key(&mut self, key: &str) {
        self.separate();
        write_string(&mut self.out, key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
    }

    /// A value written as given: a number, `null`, `true` or `false`.
    pub fn raw(&mut self, text: &str) {
        self.separate();
        self.out.push_str(text);
    }

    pub fn bool(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    pub fn u64(&mut self, n: u64) {
        self.raw(&n.to_string());
    }

    pub fn str(&mut self, s: &str) {
        self.separate();
        write_string(&mut self.out, s);
    }

    /// `Some` as a string, `None` as null.
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    /// Opens an array (`[`) or object (`{`).
    pub fn begin(&mut self, bracket: char) {
        self.separate();
        self.out.push(bracket);
        self.open.push(false);
    }

    /// Closes the innermost array (`]`) or object (`}`); an empty one stays on one line (`[]`).
    pub fn end(&mut self, bracket: char) {
        if self.open.pop() == Some(true) {
            self.newline(self.open.len());
        }
        self.out.push(bracket);
    }
}

/// A whole number as `str::parse::<u64>` reads it (digits, one optional leading `+`, no
/// overflow), without bringing the library's integer parser into the wasm.
pub(crate) fn parse_u64(text: &str) -> Option<u64> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u64, |n, b| {
        n.checked_mul(10)?
            .checked_add(char::from(b).to_digit(10)?.into())
    })
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                // `\u00XX`, lowercase hex, written by hand: `write!` with `{:04x}` brings in the
                // formatter's hex and padding code.
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4] as char);
                out.push(HEX[c as usize & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_string())
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

/// Parses a whole JSON text. The error says what was wrong and at which byte.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = p.value(0)?;
    p.space();
    if p.pos != p.bytes.len() {
        return Err(p.error("text after the end of the document"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.pos)
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, literal: &str, value: Json) -> Result<Json, String> {
        if self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(literal.as_bytes()))
        {
            self.pos += literal.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        self.space();
        match self.bytes.get(self.pos) {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.eat("null", Json::Null),
            Some(b't') => self.eat("true", Json::Bool(true)),
            Some(b'f') => self.eat("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                self.space();
                if self.bytes.get(self.pos) == Some(&b']') {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.bytes.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(self.error("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                self.pos += 1;
                let mut members = Vec::new();
                self.space();
                if self.bytes.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                loop {
                    self.space();
                    if self.bytes.get(self.pos) != Some(&b'"') {
                        return Err(self.error("expected a member name"));
                    }
                    let key = self.string()?;
                    self.space();
                    if self.bytes.get(self.pos) != Some(&b':') {
                        return Err(self.error("expected :"));
                    }
                    self.pos += 1;
                    let value = self.value(depth + 1)?;
                    members.push((key, value));
                    self.space();
                    match self.bytes.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(Json::Object(members));
                        }
                        _ => return Err(self.error("expected , or }")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.bytes.get(p.pos) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        if self.bytes.get(self.pos) == Some(&b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error("bad number"));
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("bad number"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("bad number"));
            }
        }
        // Only ASCII was consumed: each byte is one character.
        let digits = self.bytes.get(start..self.pos).unwrap_or_default();
        Ok(Json::Number(
            digits.iter().map(|&b| char::from(b)).collect(),
        ))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("short \\u escape"))?;
        let n = hex
            .iter()
            .try_fold(0, |n, &b| Some(n << 4 | char::from(b).to_digit(16)?))
            .ok_or_else(|| self.error("bad \\u escape"))?;
        self.pos += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1; // the opening quote
        let mut out = Vec::new();
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return String::from_utf8(out).map_err(|_| self.error("invalid UTF-8"));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let mut n = self.hex4()?;
                            if (0xd800..0xdc00).contains(&n) {
                                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                    return Err(self.error("lone surrogate"));
                                }
                                self.pos += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return Err(self.error("lone surrogate"));
                                }
                                n = 0x10000 + ((n - 0xd800) << 10) + (low - 0xdc00);
                            }
                            self.pos -= 1; // the shared += 1 below
                            char::from_u32(n).ok_or_else(|| self.error("bad \\u escape"))?
                        }
                        _ => return Err(self.error("bad escape")),
                    };
                    self.pos += 1;
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Some(&b) if b < 0x20 => return Err(self.error("control character in string")),
                Some(&b) => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes() {
        let text = r#"{"a":[1,-2.5e3,true,false,null],"b":"q\"\\\n\u00e9\ud83d\ude00","c":{}}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.get("b").and_then(Json::as_str), Some("q\"\\\né😀"));
        assert_eq!(parse(&v.to_compact()).unwrap(), v);
        assert_eq!(parse(&v.to_pretty()).unwrap(), v);
        assert_eq!(parse(" 7 ").unwrap().as_u64(), Some(7));
    }

    #[test]
    fn parse_u64_reads_as_str_parse() {
        let mut texts: Vec<String> = (0..1000).map(|n| n.to_string()).collect();
        texts.extend(
            [
                "",
                "+",
                "-",
                "+0",
                "+7",
                "++7",
                "-7",
                "-0",
                "07",
                "1e3",
                "2.0",
                "18446744073709551615",
                "18446744073709551616",
                "1_0",
                " 1",
                "٣",
            ]
            .map(String::from),
        );
        for t in texts {
            assert_eq!(parse_u64(&t), t.parse::<u64>().ok(), "{t:?}");
        }
    }

    #[test]
    fn writes_compact_and_pretty_text() {
        let key = |k: &str, v: Json| (k.to_string(), v);
        let inner = Json::Object(vec![key("d", Json::Null)]);
        let doc = Json::Object(vec![
            key("a", Json::Array(vec![])),
            key("b", Json::Object(vec![])),
            key(
                "c",
                Json::Array(vec![Json::from_u64(1), inner, Json::Bool(false)]),
            ),
        ]);
        assert_eq!(
            doc.to_compact(),
            r#"{"a":[],"b":{},"c":[1,{"d":null},false]}"#
        );
        assert_eq!(
            doc.to_pretty(),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": null\n    },\n    false\n  ]\n}"
        );
    }

    #[test]
    fn escapes_control_characters_as_before() {
        for c in (0u8..0x20).map(char::from) {
            let want = match c {
                '\n' => "\"\\n\"".to_string(),
                '\r' => "\"\\r\"".to_string(),
                '\t' => "\"\\t\"".to_string(),
                c => format!("\"\\u{:04x}\"", c as u32),
            };
            assert_eq!(Json::from(c.to_string().as_str()).to_compact(), want);
        }
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\"}",
            "01",
            "1.",
            "\"\\x\"",
            "\"\\ud800\"",
            "[1] 2",
            "\"\u{1}\"",
            "tru",
            "-",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(&deep).unwrap_err().contains("too deep"));
    }
}
