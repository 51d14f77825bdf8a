//! Revisions of Microsoft's page against the catalog: reading a page (Markdown as in `source/`),
//! checking that a revision's items carry every line of its page and nothing else, and the report
//! `revision-diff` prints for a new revision of the page.
//!
//! A page's guidance lines are its bullets and its NOTE blocks, under the `#` headings that make its
//! sections. Lines are compared word for word after [`normalize`] (runs of white space become one
//! space, Markdown links become their text). A line is carried by the items of its section when it
//! is an item's wording, an item's condition line, the condition followed by the item's wording
//! (`For a single forest when the target is federated identities: Installing …`), or two
//! consecutive items' wordings (a bullet the catalog splits in two).

use crate::catalog::{ItemId, Revision, SectionId, SECTIONS};
use std::fmt::Write;

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
    SECTIONS.iter().position(|s| normalize(s.title) == title).map(SectionId)
}

/// The items of `section` on the page of `revision`, with their wording and condition there.
fn items_of(section: SectionId, revision: Revision) -> Vec<(ItemId, String, Option<String>)> {
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
fn condition_stands(c: &str, lines: &[PageLine], items: &[CatalogLine]) -> bool {
    let inline = inline(c, items);
    lines.iter().any(|l| {
        l.text == c || l.text.strip_prefix(c).is_some_and(|rest| rest.starts_with(' ')) || inline && l.text.contains(c)
    })
}

/// Whether condition `c` stands inside the wording of an item it belongs to ("if deployed").
fn inline(c: &str, items: &[CatalogLine]) -> bool {
    items.iter().any(|(_, text, x)| x.as_deref() == Some(c) && text.contains(c))
}

/// What a page line is, in the catalog's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Carried {
    /// These items' wording (one, or a bullet split in two), maybe headed by its condition.
    Items(Vec<ItemId>),
    /// The condition line heading these items.
    Condition,
}

/// How the items of a section carry `line` (see the module doc), or `None`.
fn carried_by(line: &str, items: &[(ItemId, String, Option<String>)]) -> Option<Carried> {
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
        let items = items_of(id, revision);
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

/// A new page against the catalog's newest revision, section by section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The revision compared with (the catalog's newest).
    pub against: Revision,
    pub sections: Vec<SectionReport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SectionReport {
    pub title: String,
    /// The page has this section and the catalog does not.
    pub added: bool,
    /// The catalog has this section on its newest page and the new page does not.
    pub removed: bool,
    pub unchanged: usize,
    /// Same wording, another place among the section's lines: (item, its wording).
    pub moved: Vec<(&'static str, String)>,
    /// (item, the catalog's wording, the new page's line).
    pub reworded: Vec<(&'static str, String, String)>,
    /// Condition lines reworded: (the items it heads, the catalog's wording, the new page's line).
    pub reworded_conditions: Vec<(Vec<&'static str>, String, String)>,
    /// Lines no item carries yet.
    pub new: Vec<String>,
    /// Items whose line is not on the new page: (item, its wording).
    pub gone: Vec<(&'static str, String)>,
    /// Condition lines not on the new page while items they head still are: (those items, the
    /// condition's wording). The items' conditions must go from the catalog.
    pub gone_conditions: Vec<(Vec<&'static str>, String)>,
}

impl SectionReport {
    fn changed(&self) -> bool {
        self.added
            || self.removed
            || !self.reworded.is_empty()
            || !self.reworded_conditions.is_empty()
            || !self.new.is_empty()
            || !self.gone.is_empty()
            || !self.gone_conditions.is_empty()
    }
}

/// Words of a line, lower case, for telling a reworded line from a new one.
fn words(text: &str) -> Vec<String> {
    let mut w: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
    w.sort();
    w.dedup();
    w
}

/// Shared words over all words (Jaccard); a line that shares at least half is a rewording.
fn likeness(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        1.0
    } else {
        shared as f64 / all as f64
    }
}

/// The items of `section` that stand together in catalog.toml from its first one on.
fn home_block(section: SectionId) -> Vec<ItemId> {
    ItemId::all().skip_while(|id| id.get().section != section).take_while(|id| id.get().section == section).collect()
}

/// Indexes (into `seq`) of a longest strictly increasing subsequence.
fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let n = seq.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if seq[j] < seq[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (len[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut out = vec![at];
    while prev[at] != usize::MAX {
        at = prev[at];
        out.push(at);
    }
    out.reverse();
    out
}

/// Compares `page` with the catalog's newest revision.
pub fn diff(page: &Page) -> Report {
    let against = Revision::newest();
    let mut sections = Vec::new();
    let mut seen = Vec::new();
    for section in &page.sections {
        match section_by_title(&section.title) {
            Some(id) => {
                seen.push(id);
                sections.push(diff_section(section, id, against));
            }
            None => sections.push(SectionReport {
                title: section.title.clone(),
                added: true,
                new: section.lines.iter().map(|l| l.text.clone()).collect(),
                ..SectionReport::default()
            }),
        }
    }
    sections.extend(removed_sections(&seen, against));
    Report { against, sections }
}

type CatalogLine = (ItemId, String, Option<String>);

/// One section the catalog has: lines carried as they are, moved, reworded, new and gone.
fn diff_section(section: &PageSection, id: SectionId, against: Revision) -> SectionReport {
    let mut report = SectionReport { title: section.title.clone(), ..SectionReport::default() };
    let items = items_of(id, against);
    let mut carried: Vec<ItemId> = Vec::new();
    // The first item of each carried line, in page order, to find lines that moved.
    let mut order: Vec<(usize, ItemId)> = Vec::new();
    let mut unmatched = Vec::new();
    for line in &section.lines {
        match carried_by(&line.text, &items) {
            Some(Carried::Items(ids)) => {
                report.unchanged += 1;
                order.push((ids[0].0, ids[0]));
                carried.extend(ids);
            }
            Some(Carried::Condition) => report.unchanged += 1,
            None => unmatched.push(line.text.clone()),
        }
    }
    mark_moved(&mut report, order, id, against);
    let left: Vec<&CatalogLine> = items.iter().filter(|(id, _, _)| !carried.contains(id)).collect();
    // Condition lines heading items that no line of the new page has any more.
    let mut conditions: Vec<&str> = Vec::new();
    for (_, _, condition) in &items {
        if let Some(c) = condition.as_deref() {
            if !conditions.contains(&c) && !condition_stands(c, &section.lines, &items) {
                conditions.push(c);
            }
        }
    }
    match_rewordings(&mut report, unmatched, &items, left, conditions);
    report
}

/// Carried lines out of the catalog's order are reported as moved. Items appended to catalog.toml
/// after their section's block (ids stay in place, so a new revision's items come last) say
/// nothing about order.
fn mark_moved(report: &mut SectionReport, mut order: Vec<(usize, ItemId)>, section: SectionId, against: Revision) {
    let home = home_block(section);
    order.retain(|(_, item)| home.contains(item));
    let keys: Vec<usize> = order.iter().map(|(k, _)| *k).collect();
    let in_order = longest_increasing(&keys);
    for (i, (_, id)) in order.iter().enumerate() {
        if !in_order.contains(&i) {
            report.unchanged -= 1;
            report.moved.push((id.get().id, normalize(id.get().text_in(against))));
        }
    }
}

/// Each line the catalog does not carry is a rewording of the likeliest item or condition left
/// (at least half its words alike), else new; the items left at the end are gone.
fn match_rewordings(
    report: &mut SectionReport,
    unmatched: Vec<String>,
    items: &[CatalogLine],
    mut left: Vec<&CatalogLine>,
    mut conditions: Vec<&str>,
) {
    for line in unmatched {
        let forms = |(_, text, condition): &&CatalogLine| {
            let headed = condition.as_ref().map(|c| format!("{c} {text}"));
            likeness(&line, text).max(headed.map_or(0.0, |h| likeness(&line, &h)))
        };
        let best = left.iter().enumerate().map(|(i, item)| (i, forms(item))).max_by(|a, b| a.1.total_cmp(&b.1));
        let best_condition =
            conditions.iter().enumerate().map(|(i, c)| (i, likeness(&line, c))).max_by(|a, b| a.1.total_cmp(&b.1));
        match (best, best_condition) {
            (_, Some((i, c_score))) if c_score >= 0.5 && best.is_none_or(|(_, score)| c_score > score) => {
                let c = conditions.remove(i);
                let headed = headed_by(items, c).map(|id| id.get().id);
                report.reworded_conditions.push((headed.collect(), c.to_string(), line));
            }
            (Some((i, score)), _) if score >= 0.5 => {
                let (id, text, _) = left.remove(i);
                report.reworded.push((id.get().id, text.clone(), line));
            }
            _ => report.new.push(line),
        }
    }
    // A heading condition no line rewords is gone; reported for the items it headed that stay.
    // (A condition inside its item's own line, "if deployed", goes with that line's rewording.)
    let stays = |id: &ItemId| !left.iter().any(|(gone, _, _)| gone == id);
    report.gone_conditions = conditions
        .into_iter()
        .filter(|c| !inline(c, items))
        .map(|c| (headed_by(items, c).filter(stays).map(|id| id.get().id).collect::<Vec<_>>(), c.to_string()))
        .filter(|(staying, _)| !staying.is_empty())
        .collect();
    report.gone = left.into_iter().map(|(id, text, _)| (id.get().id, text.clone())).collect();
}

/// The items a condition line heads.
fn headed_by<'a>(items: &'a [CatalogLine], condition: &'a str) -> impl Iterator<Item = ItemId> + 'a {
    items.iter().filter(move |(_, _, c)| c.as_deref() == Some(condition)).map(|(id, _, _)| *id)
}

/// The catalog's sections on the page `against` that the new page no longer has.
fn removed_sections(seen: &[SectionId], against: Revision) -> Vec<SectionReport> {
    let mut removed: Vec<SectionId> = Vec::new();
    for id in ItemId::all().filter(|id| id.get().in_document(against)) {
        let section = id.get().section;
        if !seen.contains(&section) && !removed.contains(&section) {
            removed.push(section);
        }
    }
    removed
        .into_iter()
        .map(|section| SectionReport {
            title: section.get().title.to_string(),
            removed: true,
            gone: items_of(section, against).into_iter().map(|(id, text, _)| (id.get().id, text)).collect(),
            ..SectionReport::default()
        })
        .collect()
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

impl Report {
    /// Whether the catalog carries the new page: nothing reworded, new or gone, no section added
    /// or removed. (Lines that only moved need no catalog change.)
    pub fn covered(&self) -> bool {
        !self.sections.iter().any(SectionReport::changed)
    }

    /// The report as Markdown, for a pull request.
    pub fn to_markdown(&self, page_name: &str) -> String {
        let doc = self.against.document();
        let mut md = format!(
            "# Revision diff: `{page_name}` against the catalog\n\nCompared with the catalog's newest revision, `{}` ({}, `{}`).\n\n",
            self.against.id(),
            doc.date,
            doc.file
        );
        let sum = |f: fn(&SectionReport) -> usize| self.sections.iter().map(f).sum::<usize>();
        let _ = writeln!(
            md,
            "| unchanged | reworded | new | moved | gone | sections added | sections removed |\n| --- | --- | --- | --- | --- | --- | --- |\n| {} | {} | {} | {} | {} | {} | {} |\n",
            sum(|s| s.unchanged),
            sum(|s| s.reworded.len() + s.reworded_conditions.len()),
            sum(|s| s.new.len()),
            sum(|s| s.moved.len()),
            sum(|s| s.gone.len() + s.gone_conditions.len()),
            sum(|s| usize::from(s.added)),
            sum(|s| usize::from(s.removed)),
        );
        md.push_str(if self.covered() {
            "**The catalog covers this page.**\n"
        } else {
            "**The catalog does not cover this page yet**: add the revision to catalog.toml and append or update the items below (README, \"When Microsoft revises the page\").\n"
        });
        for s in &self.sections {
            s.write_markdown(&mut md);
        }
        md
    }
}

impl SectionReport {
    /// The section's part of [`Report::to_markdown`].
    fn write_markdown(&self, md: &mut String) {
        let kind = if self.added {
            "Section added: "
        } else if self.removed {
            "Section removed: "
        } else {
            ""
        };
        let _ = write!(md, "\n## {kind}{}\n\n", self.title);
        if !self.added && !self.removed {
            let _ = writeln!(md, "- Unchanged: {} lines", self.unchanged);
        }
        if !self.reworded.is_empty() || !self.reworded_conditions.is_empty() {
            md.push_str("- Reworded:\n\n  | item | catalog | new page |\n  | --- | --- | --- |\n");
            for (id, old, new) in &self.reworded {
                let _ = writeln!(md, "  | `{id}` | {} | {} |", cell(old), cell(new));
            }
            for (ids, old, new) in &self.reworded_conditions {
                let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
                let _ = writeln!(md, "  | condition of {} | {} | {} |", ids.join(", "), cell(old), cell(new));
            }
            md.push('\n');
        }
        if !self.new.is_empty() {
            md.push_str("- New (no item carries them yet):\n");
            for line in &self.new {
                let _ = writeln!(md, "  - {line}");
            }
        }
        if !self.gone.is_empty() {
            md.push_str("- Gone (items whose line is not on the new page):\n");
            for (id, text) in &self.gone {
                let _ = writeln!(md, "  - `{id}`: {text}");
            }
        }
        if !self.gone_conditions.is_empty() {
            md.push_str("- Gone conditions (condition lines not on the new page; the items they head are):\n");
            for (ids, text) in &self.gone_conditions {
                let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
                let _ = writeln!(md, "  - condition of {}: {text}", ids.join(", "));
            }
        }
        if !self.moved.is_empty() {
            md.push_str("- Moved (same wording, another place in the section; no catalog change needed):\n");
            for (id, text) in &self.moved {
                let _ = writeln!(md, "  - `{id}`: {text}");
            }
        }
    }
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
        let (a, b) = (ItemId(0), ItemId(1));
        let items = vec![(a, "Do this.".to_string(), Some("If so:".to_string())), (b, "Note that.".to_string(), None)];
        assert_eq!(carried_by("Do this.", &items), Some(Carried::Items(vec![a])));
        assert_eq!(carried_by("If so: Do this.", &items), Some(Carried::Items(vec![a])));
        assert_eq!(carried_by("If so:", &items), Some(Carried::Condition));
        assert_eq!(carried_by("Do this. Note that.", &items), Some(Carried::Items(vec![a, b])));
        assert_eq!(carried_by("Do that.", &items), None);
        assert_eq!(carried_by("If so:Do this.", &items), None);
    }

    #[test]
    fn the_longest_increasing_run_leaves_out_what_moved() {
        assert_eq!(longest_increasing(&[1, 2, 9, 3, 4]), vec![0, 1, 3, 4]);
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
        assert!(likeness("Using the reports.", "Using the reports in Intune.") >= 0.5);
        assert!(likeness("Identity Protection.", "Privileged Identity Management.") < 0.5);
    }
}
