//! The pages of Microsoft's document in `source/` against the catalog: reading a page (its
//! Markdown), and checking that a revision's items carry every line of its page and nothing else
//! (tests/coverage.rs runs it over every revision). The maintainers' `ems-scope revision-diff`
//! (crates/cli) builds its report for a new revision on the same reading and matching.
//!
//! A page's guidance lines are its bullets and its NOTE blocks, under the `#` headings that make its
//! sections. Lines are compared word for word after [`normalize`] (runs of white space become one
//! space, Markdown links become their text). A line is carried by the items of its section when it
//! is an item's wording, an item's condition line, the condition followed by the item's wording
//! (`For a single forest when the target is federated identities: Installing …`), or two
//! consecutive items' wordings (a bullet the catalog splits in two).

use crate::catalog::{ItemId, Revision, SectionId};

/// A page: its sections in order, each with its guidance lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub sections: Vec<PageSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSection {
    /// The heading's text, without the `#`s.
    pub title: String,
    pub lines: Vec<PageLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    /// Normalized: see [`normalize`].
    pub text: String,
    /// A NOTE block rather than a bullet.
    pub note: bool,
}

/// An item of a section as a page of one revision shows it: (the item, its normalized wording,
/// its normalized condition line).
pub type CatalogLine = (ItemId, String, Option<String>);

/// Runs of white space as one space, no space at either end, `[text](target)` as `text`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find(']').filter(|&close| after[close + 1..].starts_with('(')).and_then(|close| {
            let target = &after[close + 2..];
            target.find(')').map(|end| (close, close + 2 + end + 1))
        });
        match link {
            Some((close, past)) => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[past..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a page: front matter (between the first two `---` lines) left out, a section per `#`
/// heading, a line per bullet (`-` or `*`) and per NOTE block (`>` lines, `[!NOTE]` left out).
/// Sections without guidance lines (the page title, "Want to learn more?") are left out.
pub fn parse_page(text: &str) -> Page {
    let mut lines = text.lines().peekable();
    if lines.peek().map(|l| l.trim()) == Some("---") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim() == "---" {
                break;
            }
        }
    }
    let mut sections: Vec<PageSection> = Vec::new();
    let mut note: Option<String> = None;
    let flush = |note: &mut Option<String>, sections: &mut Vec<PageSection>| {
        if let Some(text) = note.take() {
            let text = normalize(&text);
            if let (false, Some(section)) = (text.is_empty(), sections.last_mut()) {
                section.lines.push(PageLine { text, note: true });
            }
        }
    };
    for raw in lines {
        let line = raw.trim();
        if let Some(quoted) = line.strip_prefix('>') {
            let quoted = quoted.trim_start();
            let quoted = quoted.strip_prefix("[!NOTE]").unwrap_or(quoted);
            let text = note.get_or_insert_with(String::new);
            text.push(' ');
            text.push_str(quoted);
            continue;
        }
        flush(&mut note, &mut sections);
        if line.starts_with('#') {
            let title = line.trim_start_matches('#').trim();
            sections.push(PageSection { title: normalize(title), lines: Vec::new() });
        } else if let Some(bullet) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            if let Some(section) = sections.last_mut() {
                section.lines.push(PageLine { text: normalize(bullet), note: false });
            }
        }
    }
    flush(&mut note, &mut sections);
    sections.retain(|s| !s.lines.is_empty());
    Page { sections }
}

/// The catalog section a page section stands for: the one with the same title.
pub fn section_by_title(title: &str) -> Option<SectionId> {
    SectionId::all().find(|s| normalize(s.get().title) == title)
}

/// The items of `section` on the page of `revision`, with their wording and condition there.
pub fn catalog_lines(section: SectionId, revision: Revision) -> Vec<CatalogLine> {
    ItemId::all()
        .filter(|id| id.get().section == section && id.get().in_document(revision))
        .map(|id| {
            let item = id.get();
            (id, normalize(item.text_in(revision)), item.condition_in(revision).map(normalize))
        })
        .collect()
}

/// Whether condition `c` of some of `items` stands on the page: as a line of its own (the
/// heading of its items), at the start of a line before an item's wording, or, for a condition
/// inside its item's own wording ("if deployed"), inside a line. Not merely inside another line:
/// a heading dropped from one group while its words stay in another line is gone.
pub fn condition_stands(c: &str, lines: &[PageLine], items: &[CatalogLine]) -> bool {
    let inline = condition_inside_wording(c, items);
    lines.iter().any(|l| {
        l.text == c || l.text.strip_prefix(c).is_some_and(|rest| rest.starts_with(' ')) || inline && l.text.contains(c)
    })
}

/// Whether condition `c` stands inside the wording of an item it belongs to ("if deployed").
pub fn condition_inside_wording(c: &str, items: &[CatalogLine]) -> bool {
    items.iter().any(|(_, text, x)| x.as_deref() == Some(c) && text.contains(c))
}

/// What a page line is, in the catalog's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// These items' wording (one, or a bullet split in two), maybe headed by its condition.
    Items(Vec<ItemId>),
    /// The condition line heading these items.
    Condition,
}

/// How the items of a section carry `line` (see the module doc), or `None`.
pub fn carried_by(line: &str, items: &[CatalogLine]) -> Option<Carried> {
    for (id, text, condition) in items {
        if line == text {
            return Some(Carried::Items(vec![*id]));
        }
        if let Some(c) = condition {
            if line.strip_prefix(c.as_str()).and_then(|r| r.strip_prefix(' ')) == Some(text.as_str()) {
                return Some(Carried::Items(vec![*id]));
            }
        }
    }
    if items.iter().any(|(_, _, c)| c.as_deref() == Some(line)) {
        return Some(Carried::Condition);
    }
    for pair in items.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if line.strip_prefix(a.1.as_str()).and_then(|r| r.strip_prefix(' ')) == Some(b.1.as_str()) {
            return Some(Carried::Items(vec![a.0, b.0]));
        }
    }
    None
}

/// Whether the catalog carries the page of `revision` exactly: every line of `page` is carried by
/// the items of its section on that revision's page, and every such item's wording and condition
/// stand in a line of its section. Returns what is wrong, one message a problem.
pub fn coverage_problems(page: &Page, revision: Revision) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for section in &page.sections {
        let Some(id) = section_by_title(&section.title) else {
            problems.push(format!("section \"{}\": no catalog section has this title", section.title));
            continue;
        };
        seen.push(id);
        let items = catalog_lines(id, revision);
        for line in &section.lines {
            if carried_by(&line.text, &items).is_none() {
                problems.push(format!("section \"{}\": no item carries \"{}\"", section.title, line.text));
            }
        }
        for (item, text, condition) in &items {
            if !section.lines.iter().any(|l| l.text.contains(text.as_str())) {
                problems.push(format!("item `{}`: its wording is not on the page: \"{text}\"", item.get().id));
            }
            if let Some(c) = condition.as_deref().filter(|c| !condition_stands(c, &section.lines, &items)) {
                problems.push(format!("item `{}`: its condition is not on the page: \"{c}\"", item.get().id));
            }
        }
    }
    for id in ItemId::all().filter(|id| id.get().in_document(revision) && !seen.contains(&id.get().section)) {
        problems.push(format!("item `{}`: its section is not on the page", id.get().id));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_keeps_words_and_drops_link_targets() {
        assert_eq!(normalize("  a  b\tc "), "a b c");
        assert_eq!(normalize("from the [Azure AD Marketplace](https://x/y)."), "from the Azure AD Marketplace.");
        assert_eq!(normalize("[a] and [b](c) ["), "[a] and b [");
        assert_eq!(normalize("we’ll"), "we’ll", "quotes are kept as the page writes them");
    }

    #[test]
    fn a_page_is_read_into_sections_bullets_and_notes() {
        let page = parse_page(
            "---\ntitle: x\n---\n# Title\nIntro.\n## One\n-   First  line.\n\n    -   Nested.\n\n        > [!NOTE]\n        > A note\n        > that goes on.\n\n> [!NOTE] Inline note.\n### Two\nLead:\n  - Last.\n### Empty\nSee [x](y).\n",
        );
        let line = |text: &str, note| PageLine { text: text.into(), note };
        assert_eq!(
            page,
            Page {
                sections: vec![
                    PageSection {
                        title: "One".into(),
                        lines: vec![
                            line("First line.", false),
                            line("Nested.", false),
                            line("A note that goes on.", true),
                            line("Inline note.", true)
                        ]
                    },
                    PageSection { title: "Two".into(), lines: vec![line("Last.", false)] },
                ]
            }
        );
    }

    #[test]
    fn lines_are_carried_whole_headed_or_split() {
        let mut ids = ItemId::all();
        let (a, b) = (ids.next().unwrap(), ids.next().unwrap());
        let items = vec![(a, "Do this.".to_string(), Some("If so:".to_string())), (b, "Note that.".to_string(), None)];
        assert_eq!(carried_by("Do this.", &items), Some(Carried::Items(vec![a])));
        assert_eq!(carried_by("If so: Do this.", &items), Some(Carried::Items(vec![a])));
        assert_eq!(carried_by("If so:", &items), Some(Carried::Condition));
        assert_eq!(carried_by("Do this. Note that.", &items), Some(Carried::Items(vec![a, b])));
        assert_eq!(carried_by("Do that.", &items), None);
        assert_eq!(carried_by("If so:Do this.", &items), None);
    }
}
