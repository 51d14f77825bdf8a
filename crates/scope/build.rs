//! Turns catalog.toml into static Rust tables (`$OUT_DIR/catalog_data.rs`): the catalog is
//! compiled, not parsed at run time. Every reference in the catalog (question,
//! value, section, parent, id uniqueness) is checked here: a bad catalog fails the build, not the
//! browser.
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    revision: Vec<RevisionDoc>,
    step: Vec<Step>,
    question: Vec<Question>,
    conflict: Vec<Conflict>,
    section: Vec<Section>,
    item: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevisionDoc {
    id: String,
    document: String,
    name: String,
    file: String,
    title: String,
    date: String,
    carried_note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    id: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    id: String,
    short: String,
    step: String,
    kind: String,
    label: String,
    help: Option<String>,
    #[serde(default)]
    applies_when: Vec<String>,
    values: Vec<Choice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    id: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Conflict {
    id: String,
    when: Vec<String>,
    message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    id: String,
    phase: String,
    title: String,
    lead: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: String,
    section: String,
    text: String,
    #[serde(default)]
    wording: BTreeMap<String, String>,
    parent: Option<String>,
    condition: Option<String>,
    #[serde(default)]
    condition_wording: BTreeMap<String, String>,
    #[serde(default)]
    when: Vec<String>,
    added: Option<String>,
    dropped: Option<String>,
    #[serde(default)]
    carried: bool,
    status: Option<String>,
    #[serde(default)]
    note: bool,
}

/// A test build's extra revision (feature `third-revision`): revisions to append, new items to
/// append, and for existing items only what a new revision adds (`dropped`, `wording`,
/// `condition_wording`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Overlay {
    revision: Vec<RevisionDoc>,
    #[serde(default)]
    section: Vec<Section>,
    #[serde(default)]
    item: Vec<OverlayItem>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OverlayItem {
    New(Item),
    Amend(Amend),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amend {
    id: String,
    #[serde(default)]
    wording: BTreeMap<String, String>,
    #[serde(default)]
    condition_wording: BTreeMap<String, String>,
    dropped: Option<String>,
}

/// The overlay a test build appends to catalog.toml (docs/maintaining.md, "When Microsoft revises the page").
const OVERLAY: &str = "tests/fixtures/revision-3.toml";

fn apply_overlay(cat: &mut Catalog, text: &str) -> Result<(), String> {
    let overlay: Overlay = toml::from_str(text).map_err(|e| format!("{OVERLAY}: {e}"))?;
    cat.revision.extend(overlay.revision);
    cat.section.extend(overlay.section);
    for item in overlay.item {
        match item {
            OverlayItem::New(item) => cat.item.push(item),
            OverlayItem::Amend(amend) => {
                let it = cat
                    .item
                    .iter_mut()
                    .find(|i| i.id == amend.id)
                    .ok_or_else(|| format!("{OVERLAY}: no item `{}` to amend", amend.id))?;
                it.wording.extend(amend.wording);
                it.condition_wording.extend(amend.condition_wording);
                if amend.dropped.is_some() {
                    if it.dropped.is_some() {
                        return Err(format!("{OVERLAY}: item `{}` is dropped already", amend.id));
                    }
                    it.dropped = amend.dropped;
                }
            }
        }
    }
    Ok(())
}

fn main() {
    println!("cargo:rerun-if-changed=catalog.toml");
    let text = std::fs::read_to_string("catalog.toml").expect("read catalog.toml");
    let mut catalog: Catalog = toml::from_str(&text).unwrap_or_else(|e| panic!("catalog.toml: {e}"));
    if std::env::var_os("CARGO_FEATURE_THIRD_REVISION").is_some() {
        println!("cargo:rerun-if-changed={OVERLAY}");
        let text = std::fs::read_to_string(OVERLAY).expect("read the third-revision overlay");
        apply_overlay(&mut catalog, &text).unwrap_or_else(|e| panic!("{e}"));
    }
    let out = generate(&catalog).unwrap_or_else(|e| panic!("catalog.toml: {e}"));
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalog_data.rs");
    std::fs::write(path, out).expect("write catalog_data.rs");
}

fn position<T>(list: &[T], key: impl Fn(&T) -> &str, id: &str, what: &str) -> Result<usize, String> {
    list.iter().position(|x| key(x) == id).ok_or_else(|| format!("unknown {what} `{id}`"))
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, what: &str) -> Result<(), String> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(format!("{what} id `{id}` is used twice"));
        }
    }
    Ok(())
}

/// `["services=intune | third_party_mdm=yes", ...]` -> `&[Clause(&[Atom{..}, ..]), ..]`
fn clauses(cat: &Catalog, list: &[String]) -> Result<String, String> {
    let mut s = String::from("&[");
    for clause in list {
        s.push_str("Clause(&[");
        for atom in clause.split(" | ") {
            let (q, vals) = atom.trim().split_once('=').ok_or_else(|| format!("bad atom `{atom}`"))?;
            let qi = position(&cat.question, |x| &x.id, q, "question")?;
            let mut mask = 0u32;
            for v in vals.split(',') {
                let vi = position(&cat.question[qi].values, |x| &x.id, v.trim(), "value")?;
                mask |= 1 << vi;
            }
            write!(s, "Atom {{ question: QuestionId({qi}), values: {mask:#b} }},").unwrap();
        }
        s.push_str("]),");
    }
    s.push(']');
    Ok(s)
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    }
}

fn generate(cat: &Catalog) -> Result<String, String> {
    unique(cat.question.iter().map(|q| q.id.as_str()), "question")?;
    unique(cat.item.iter().map(|i| i.id.as_str()), "item")?;
    unique(cat.section.iter().map(|i| i.id.as_str()), "section")?;
    unique(cat.step.iter().map(|i| i.id.as_str()), "step")?;
    unique(cat.revision.iter().map(|r| r.id.as_str()), "revision")?;
    let rev_ids: Vec<&str> = cat.revision.iter().map(|d| d.id.as_str()).collect();
    if rev_ids.len() < 2 || rev_ids[..2] != ["earlier", "current"] || rev_ids.len() > 32 {
        return Err("revisions must start with `earlier` then `current` (the ids records and links \
                    of the first two carry), at most 32, new ones appended"
            .into());
    }
    let mut s = String::from("// Generated by build.rs from catalog.toml. Do not edit.\n");

    s.push_str("pub static REVISIONS: &[Document] = &[");
    for d in &cat.revision {
        write!(
            s,
            "Document {{ revision_id: {:?}, id: {:?}, name: {:?}, file: {:?}, title: {:?}, date: {:?}, carried_note: {} }},",
            d.id,
            d.document,
            d.name,
            d.file,
            d.title,
            d.date,
            opt(&d.carried_note)
        )
        .unwrap();
    }
    s.push_str("];\n");

    s.push_str("pub static STEPS: &[Step] = &[");
    for st in &cat.step {
        write!(s, "Step {{ id: {:?}, title: {:?} }},", st.id, st.title).unwrap();
    }
    s.push_str("];\n");

    write_questions(&mut s, cat)?;
    s.push_str("pub static CONFLICTS: &[Conflict] = &[");
    for c in &cat.conflict {
        write!(s, "Conflict {{ id: {:?}, when: {}, message: {:?} }},", c.id, clauses(cat, &c.when)?, c.message)
            .unwrap();
    }
    s.push_str("];\n");

    write_sections(&mut s, cat)?;
    write_items(&mut s, cat)?;
    Ok(s)
}

/// The QUESTIONS table; each question's values and `applies_when` checked.
fn write_questions(s: &mut String, cat: &Catalog) -> Result<(), String> {
    s.push_str("pub static QUESTIONS: &[Question] = &[");
    for q in &cat.question {
        if q.values.is_empty() || q.values.len() > 16 {
            return Err(format!("question `{}` must have 1 to 16 values", q.id));
        }
        unique(q.values.iter().map(|v| v.id.as_str()), "value")?;
        for clause in &q.applies_when {
            for atom in clause.split(" | ") {
                let name = atom.split('=').next().unwrap_or("").trim();
                let before = cat.question.iter().take_while(|x| x.id != q.id).any(|x| x.id == name);
                if !before {
                    return Err(format!("question `{}`: applies_when may only name earlier questions", q.id));
                }
            }
        }
        let step = position(&cat.step, |x| &x.id, &q.step, "step")?;
        let kind = match q.kind.as_str() {
            "single" => "Kind::Single",
            "multi" => "Kind::Multi",
            k => return Err(format!("question `{}`: kind `{k}`", q.id)),
        };
        let values: String =
            q.values.iter().map(|v| format!("Choice {{ id: {:?}, label: {:?} }},", v.id, v.label)).collect();
        write!(
            s,
            "Question {{ id: {:?}, short: {:?}, step: StepId({step}), kind: {kind}, label: {:?}, help: {}, values: &[{values}], applies_when: {} }},",
            q.id, q.short, q.label, opt(&q.help), clauses(cat, &q.applies_when)?
        )
        .unwrap();
    }
    s.push_str("];\n");
    Ok(())
}

/// The SECTIONS table.
fn write_sections(s: &mut String, cat: &Catalog) -> Result<(), String> {
    s.push_str("pub static SECTIONS: &[Section] = &[");
    for sec in &cat.section {
        let phase = match sec.phase.as_str() {
            "general" => "Phase::General",
            "initiate" => "Phase::Initiate",
            "assess" => "Phase::Assess",
            "remediate" => "Phase::Remediate",
            "enable" => "Phase::Enable",
            p => return Err(format!("section `{}`: phase `{p}`", sec.id)),
        };
        write!(s, "Section {{ id: {:?}, phase: {phase}, title: {:?}, lead: {} }},", sec.id, sec.title, opt(&sec.lead))
            .unwrap();
    }
    s.push_str("];\n");
    Ok(())
}

/// ITEM_COUNT and the ITEMS table.
fn write_items(s: &mut String, cat: &Catalog) -> Result<(), String> {
    writeln!(
        s,
        "/// How many guidance items the catalog has (the length of [`ITEMS`]).\npub const ITEM_COUNT: usize = {};",
        cat.item.len()
    )
    .unwrap();
    s.push_str("pub static ITEMS: &[Item] = &[");
    for (n, it) in cat.item.iter().enumerate() {
        s.push_str(&item_entry(cat, n, it)?);
    }
    s.push_str("];\n");
    Ok(())
}

/// One entry of ITEMS, the item at position `n`; its section, parent, revisions, wordings and
/// status checked.
fn item_entry(cat: &Catalog, n: usize, it: &Item) -> Result<String, String> {
    let section = position(&cat.section, |x| &x.id, &it.section, "section")?;
    let parent = match &it.parent {
        Some(p) => {
            let pi = position(&cat.item, |x| &x.id, p, "parent item")?;
            if pi >= n {
                return Err(format!("item `{}`: parent must come first", it.id));
            }
            format!("Some(ItemId({pi}))")
        }
        None => "None".into(),
    };
    let revision = |r: &str| revision_index(cat, it, r);
    let added = match &it.added {
        Some(r) => revision(r)?,
        None => 0,
    };
    let dropped = match &it.dropped {
        Some(r) => {
            let d = revision(r)?;
            if d <= added {
                return Err(format!("item `{}`: dropped before it is added", it.id));
            }
            format!("Some(Revision({d}))")
        }
        None => "None".into(),
    };
    if !it.condition_wording.is_empty() && it.condition.is_none() {
        return Err(format!("item `{}`: condition_wording without a condition", it.id));
    }
    let status = match it.status.as_deref().unwrap_or("in_scope") {
        "in_scope" => "Verdict::InScope",
        "out_of_scope" => "Verdict::OutOfScope",
        "not_supported" => "Verdict::NotSupported",
        v => return Err(format!("item `{}`: status `{v}`", it.id)),
    };
    if it.carried && it.dropped.is_none() {
        return Err(format!("item `{}`: only dropped items can be carried", it.id));
    }
    Ok(format!(
        "Item {{ id: {:?}, section: SectionId({section}), parent: {parent}, text: {:?}, wording: {}, condition: {}, condition_wording: {}, added: Revision({added}), dropped: {dropped}, carried: {}, verdict: {status}, note: {}, when: {} }},",
        it.id, it.text, wordings(cat, it, added, &it.wording)?, opt(&it.condition), wordings(cat, it, added, &it.condition_wording)?, it.carried, it.note, clauses(cat, &it.when)?
    ))
}

/// The position of revision `r` in the revision list, for item `it`'s fields.
fn revision_index(cat: &Catalog, it: &Item, r: &str) -> Result<usize, String> {
    position(&cat.revision, |x| &x.id, r, "revision").map_err(|e| format!("item `{}`: {e}", it.id))
}

/// A wordings map as a static slice, in revision order: a rewording holds until the next one.
fn wordings(cat: &Catalog, it: &Item, added: usize, map: &BTreeMap<String, String>) -> Result<String, String> {
    let mut list = Vec::new();
    for (r, text) in map {
        let ri = revision_index(cat, it, r)?;
        if ri <= added {
            return Err(format!("item `{}`: a wording for `{r}`: `text` is the first page's", it.id));
        }
        list.push((ri, text));
    }
    list.sort();
    let mut w = String::from("&[");
    for (ri, text) in list {
        write!(w, "(Revision({ri}), {text:?}),").unwrap();
    }
    w.push(']');
    Ok(w)
}
