//! `ems-scope revision-diff`: a new revision of Microsoft's page against the catalog's newest
//! revision, section by section, as Markdown for a pull request. The page is read, and its lines
//! matched with the catalog's items, by `scope::source_page` (the reading the engine's coverage
//! test uses); this module tells what is new, reworded, moved or gone.

use scope::catalog::{ItemId, Revision, SectionId};
use scope::source_page::{
    carried_by, catalog_lines, condition_inside_wording, condition_stands, normalize, section_by_title, Carried,
    CatalogLine, Page, PageSection,
};
use std::fmt::Write;

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
fn longest_increasing<T: Ord>(seq: &[T]) -> Vec<usize> {
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

/// One section the catalog has: lines carried as they are, moved, reworded, new and gone.
fn diff_section(section: &PageSection, id: SectionId, against: Revision) -> SectionReport {
    let mut report = SectionReport { title: section.title.clone(), ..SectionReport::default() };
    let items = catalog_lines(id, against);
    let mut carried: Vec<ItemId> = Vec::new();
    // The first item of each carried line, in page order, to find lines that moved.
    let mut order: Vec<ItemId> = Vec::new();
    let mut unmatched = Vec::new();
    for line in &section.lines {
        match carried_by(&line.text, &items) {
            Some(Carried::Items(ids)) => {
                report.unchanged += 1;
                order.push(ids[0]);
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
fn mark_moved(report: &mut SectionReport, mut order: Vec<ItemId>, section: SectionId, against: Revision) {
    let home = home_block(section);
    order.retain(|item| home.contains(item));
    // Item ids compare in catalog order.
    let in_order = longest_increasing(&order);
    for (i, id) in order.iter().enumerate() {
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
        .filter(|c| !condition_inside_wording(c, items))
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
            gone: catalog_lines(section, against).into_iter().map(|(id, text, _)| (id.get().id, text)).collect(),
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
            "**The catalog does not cover this page yet**: add the revision to catalog.toml and append or update the items below (docs/maintaining.md, \"When Microsoft revises the page\").\n"
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
    fn the_longest_increasing_run_leaves_out_what_moved() {
        assert_eq!(longest_increasing(&[1, 2, 9, 3, 4]), vec![0, 1, 3, 4]);
        assert_eq!(longest_increasing::<usize>(&[]), Vec::<usize>::new());
        assert!(likeness("Using the reports.", "Using the reports in Intune.") >= 0.5);
        assert!(likeness("Identity Protection.", "Privileged Identity Management.") < 0.5);
    }

    /// A section added or removed is a change by itself. Through [`diff`] such a section also has
    /// new lines or gone items (a page's section has lines, a removed section items), so the rule
    /// is pinned here on the section's report, where a change to it shows.
    #[test]
    fn a_section_added_or_removed_is_a_change_by_itself() {
        assert!(!SectionReport::default().changed());
        assert!(SectionReport { added: true, ..SectionReport::default() }.changed());
        assert!(SectionReport { removed: true, ..SectionReport::default() }.changed());
        let added = Report {
            against: Revision::newest(),
            sections: vec![SectionReport { added: true, ..SectionReport::default() }],
        };
        assert!(!added.covered());
    }

    /// A line as like an item left as a condition line left is the item's rewording: an item's
    /// wording is what the customer reads, so a change to it is the one not to miss.
    #[test]
    fn a_line_as_like_an_item_as_a_condition_rewords_the_item() {
        let mut ids = ItemId::all();
        let (item, headed) = (ids.next().unwrap(), ids.next().unwrap());
        let items: Vec<CatalogLine> = vec![
            (item, "Alpha gamma.".to_string(), None),
            (headed, "Delta.".to_string(), Some("Alpha beta:".to_string())),
        ];
        let line = "Alpha beta gamma.";
        assert_eq!(likeness(line, "Alpha gamma."), likeness(line, "Alpha beta:"), "a tie");
        let mut report = SectionReport::default();
        match_rewordings(&mut report, vec![line.to_string()], &items, vec![&items[0]], vec!["Alpha beta:"]);
        let item_id = item.get().id;
        assert_eq!(report.reworded, [(item_id, "Alpha gamma.".to_string(), line.to_string())]);
        assert!(report.reworded_conditions.is_empty(), "{:?}", report.reworded_conditions);
        // The condition no line rewords is gone, for the item it heads that stays.
        assert_eq!(report.gone_conditions, [(vec![headed.get().id], "Alpha beta:".to_string())]);

        // A line liker the condition rewords the condition.
        let mut report = SectionReport::default();
        match_rewordings(
            &mut report,
            vec!["Alpha beta, say:".to_string()],
            &items,
            vec![&items[0]],
            vec!["Alpha beta:"],
        );
        assert_eq!(report.reworded_conditions.len(), 1, "{report:?}");
        assert_eq!(report.gone, [(item_id, "Alpha gamma.".to_string())]);
    }
}
