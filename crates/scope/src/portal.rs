//! The messages between the wizard in embed mode and the partner page that frames it
//! (`window.postMessage`, README "Embedding in a partner portal" documents each field).
//!
//! Every message is an object `{ "type": "ems-scope:<kind>", "version": 1, … }`. The app turns
//! these documents into JavaScript objects and back with `JSON.parse`/`JSON.stringify`; the origin
//! checks happen there, before anything here reads a message.
//!
//! Version 2 (the frame's address says `protocol=2`) adds the progress both ways: the wizard
//! sends its whole progress on every change ([`WizardMessage::Progress`]), and the host hands it
//! back at start ([`HostMessage::Restore`]) so a portal can keep a customer's progress when the
//! wizard's own storage is blocked. A host that does not ask for version 2 gets exactly version 1.

use crate::catalog::Revision;
use crate::catalog::StepId;
use crate::engine::Counts;
use crate::link;
use crate::progress::Progress;
use crate::startup::Source;
use crate::wizard;
use serde::{Deserialize, Serialize};

/// The protocol version the wizard speaks unless the host asks for another.
pub const PROTOCOL: u32 = 1;
/// The latest protocol version: version 1 and the progress both ways.
pub const LATEST: u32 = 2;

/// The protocol version to speak, from the frame's `protocol` parameter: 2 when asked for,
/// else 1 (a host that asks for nothing, or for a version this wizard does not know, gets 1).
pub fn protocol(param: Option<&str>) -> u32 {
    match param {
        Some("2") => LATEST,
        _ => PROTOCOL,
    }
}

/// What the wizard tells the host page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum WizardMessage {
    /// The wizard has started.
    #[serde(rename = "ems-scope:ready")]
    Ready,
    /// The step on screen: its id, its 1-based position and how many steps there are.
    #[serde(rename = "ems-scope:step")]
    Step { step: String, index: u32, count: u32 },
    /// The content height in CSS pixels, so the host sizes the frame.
    #[serde(rename = "ems-scope:height")]
    Height { height: i32 },
    /// The counts of the guidance list.
    #[serde(rename = "ems-scope:scope")]
    Scope { counts: Counts },
    /// The user exported: `link`, `markdown` or `json`.
    #[serde(rename = "ems-scope:export")]
    Export { format: String },
    /// The answer to a prefill: `ok` when its answers were read (the user may still be asked
    /// before they replace theirs), else `error` says why.
    #[serde(rename = "ems-scope:prefill-result")]
    PrefillResult {
        ok: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    /// Version 2: the whole progress, on every change: answers, done ticks and revision as a
    /// share fragment (`s1.…`), the step on screen (a share fragment carries none), and the
    /// counts. What a host keeps and hands back in [`HostMessage::Restore`].
    #[serde(rename = "ems-scope:progress")]
    Progress { progress: String, step: String, counts: Counts },
    /// Version 2: the answer to a restore: `ok`, else `error` says why it was refused (and
    /// nothing changed).
    #[serde(rename = "ems-scope:restore-result")]
    RestoreResult {
        ok: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    /// Version 2: the answer to a [`HostMessage::SummaryRequest`]: the scope on screen as the
    /// document the person would download in that format, and the request's `id` if it had one.
    #[serde(rename = "ems-scope:summary")]
    Summary {
        format: SummaryFormat,
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<RequestId>,
    },
}

/// The documents a host may ask for: the wizard's two downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SummaryFormat {
    /// The Markdown checklist ("Download Markdown").
    Markdown,
    /// The JSON export ("Download JSON").
    Json,
}

/// A host's name for a request, echoed in the answer so it can tell answers apart: a string or
/// a number, as the host sent it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RequestId {
    Number(serde_json::Number),
    Text(String),
}

/// The longest request id echoed: an id is a name, not a payload.
pub const MAX_REQUEST_ID: usize = 200;

/// The answer to a summary request: the scope `progress` as the download of `format` holds it on
/// `date` (YYYY-MM-DD), with the request's `id`.
pub fn summary_message(progress: &Progress, format: SummaryFormat, id: Option<RequestId>, date: &str) -> WizardMessage {
    let text = match format {
        SummaryFormat::Markdown => crate::export::to_markdown(progress, date),
        SummaryFormat::Json => crate::export::to_json(progress, date),
    };
    WizardMessage::Summary { format, text, id }
}

impl WizardMessage {
    /// The message as JSON text, with the protocol version the host speaks.
    pub fn to_json(&self, version: u32) -> String {
        let mut message = serde_json::to_value(self).unwrap_or_default();
        if let Some(fields) = message.as_object_mut() {
            fields.insert("version".into(), version.into());
        }
        message.to_string()
    }
}

/// The progress message for `progress` (version 2): its share fragment with the done ticks, the
/// step on screen and the counts.
pub fn progress_message(progress: &Progress, counts: Counts) -> WizardMessage {
    WizardMessage::Progress {
        progress: link::encode_share(progress, true),
        step: progress.current_step().into(),
        counts,
    }
}

/// What the host page may send, read by serde from the message's `type`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type")]
pub enum HostMessage {
    /// Answers for the wizard, as a prefill string (`services=intune&tenant=new`) or a share
    /// link fragment (`s1.…`).
    #[serde(rename = "ems-scope:prefill")]
    Prefill {
        #[serde(default)]
        answers: String,
    },
    /// Version 2: the progress the host kept from an earlier progress message, at start. No
    /// progress (absent, `null` or `""`) says the host keeps progress but has none yet.
    /// `unavailable: true` says the host has nothing it can offer (its store failed to load, or
    /// it keeps no progress) and keeps nothing from this visit; any progress is then ignored.
    #[serde(rename = "ems-scope:restore")]
    Restore {
        #[serde(default)]
        progress: Option<String>,
        #[serde(default)]
        step: Option<String>,
        #[serde(default)]
        unavailable: bool,
    },
    /// Version 2: asks for the scope on screen as a document ([`WizardMessage::Summary`]).
    #[serde(rename = "ems-scope:summary-request")]
    SummaryRequest {
        format: SummaryFormat,
        #[serde(default)]
        id: Option<RequestId>,
    },
}

/// A message from the host's origin, read.
#[derive(Debug, Clone, PartialEq)]
pub enum FromHost {
    Message(HostMessage),
    /// Not a message of this protocol (another script on the page may use postMessage too).
    Unrelated,
    /// Of this protocol, but not of a shape the wizard knows: the reason.
    Malformed(String),
    /// A version-2 restore of the wrong shape: the reason, answered with a restore result.
    MalformedRestore(String),
}

/// Reads a message's data, as JSON text, for a host speaking protocol `version`.
pub fn read_host_message(json: &str, version: u32) -> FromHost {
    let Ok(data) = serde_json::from_str::<serde_json::Value>(json) else { return FromHost::Unrelated };
    let Some(kind) = data.get("type").and_then(serde_json::Value::as_str) else { return FromHost::Unrelated };
    if !kind.starts_with("ems-scope:") {
        return FromHost::Unrelated;
    }
    let is_restore = kind == "ems-scope:restore";
    if version < LATEST && matches!(kind, "ems-scope:restore" | "ems-scope:summary-request") {
        return FromHost::Malformed(format!(
            "the message could not be read ({kind} is protocol version 2: add protocol=2 to the frame's address)"
        ));
    }
    match serde_json::from_value::<HostMessage>(data) {
        Ok(HostMessage::SummaryRequest { id: Some(RequestId::Text(id)), .. }) if id.len() > MAX_REQUEST_ID => {
            FromHost::Malformed(format!("the message could not be read (its id is over {MAX_REQUEST_ID} bytes)"))
        }
        Ok(message) => FromHost::Message(message),
        Err(e) if is_restore => FromHost::MalformedRestore(format!("the message could not be read ({e})")),
        Err(e) => FromHost::Malformed(format!("the message could not be read ({e})")),
    }
}

/// The progress a prefill opens, or why it opens none.
pub fn prefill_progress(answers: &str, revision: Revision) -> Result<Progress, String> {
    match link::parse_fragment(answers) {
        Ok(fragment) => fragment.into_progress(revision).ok_or_else(|| "no answers given".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// Step ids are short; anything longer is not one and is not repeated in a message.
const MAX_STEP: usize = 64;

/// The progress a restore opens (the share fragment's answers, ticks and revision, at `step`),
/// `None` when the host has none yet, or why it is refused.
pub fn restore_progress(progress: Option<&str>, step: Option<&str>) -> Result<Option<Progress>, String> {
    let progress = progress.unwrap_or_default();
    if progress.is_empty() {
        return Ok(None);
    }
    let mut restored = match link::parse_fragment(progress) {
        Ok(link::Fragment::Shared(restored)) => restored,
        Ok(_) => {
            return Err("the progress could not be read: it is not a progress string the wizard sent (s1.…)".into())
        }
        Err(e) => return Err(format!("the progress could not be read: {e}")),
    };
    match step.unwrap_or_default() {
        // No step: where a share link opens.
        "" => {}
        step if step == wizard::SUMMARY || StepId::by_id(step).is_some() => restored.step = step.into(),
        step if step.len() > MAX_STEP => return Err("the step is not a step id of this wizard".into()),
        step => return Err(format!("the step `{step}` is not a step of this wizard")),
    }
    Ok(Some(restored))
}

/// How long the wizard waits, after `ready`, for a version 2 host's restore: past it the customer
/// is told that their progress is not kept (a restore that comes later is still taken).
pub const RESTORE_WAIT_MS: u32 = 3000;

/// What a version 2 host has said, so far, about keeping the customer's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKeeping {
    /// Its restore is awaited (at most [`RESTORE_WAIT_MS`] after `ready`).
    Awaited,
    /// It sent a restore: it keeps the progress messages that follow its restore's result.
    Keeps,
    /// Its restore said it has nothing it can offer (`unavailable`): it keeps nothing.
    Unavailable,
    /// No restore came within the time limit.
    Silent,
}

/// What can change a version 2 host's [`HostKeeping`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepingEvent {
    /// A restore was read (with progress or without: the host keeps progress, none yet).
    Restore,
    /// A restore said `unavailable: true`.
    Unavailable,
    /// A restore that could not be read (fields of the wrong shape, a damaged progress string,
    /// an unknown step).
    MalformedRestore,
    /// [`RESTORE_WAIT_MS`] have passed since `ready`.
    TimeLimit,
}

impl HostKeeping {
    /// The state after `event`. The host's latest readable word wins. A malformed restore still
    /// shows a host that speaks version 2 and keeps what follows its restore's result (README,
    /// Protocol), so it counts as keeping when the host had said nothing else; it does not undo
    /// what the host said before.
    pub fn after(self, event: KeepingEvent) -> HostKeeping {
        match (event, self) {
            (KeepingEvent::Restore, _) => HostKeeping::Keeps,
            (KeepingEvent::Unavailable, _) => HostKeeping::Unavailable,
            (KeepingEvent::MalformedRestore, HostKeeping::Awaited | HostKeeping::Silent) => HostKeeping::Keeps,
            (KeepingEvent::TimeLimit, HostKeeping::Awaited) => HostKeeping::Silent,
            (KeepingEvent::MalformedRestore | KeepingEvent::TimeLimit, state) => state,
        }
    }
}

/// Who keeps the progress on screen, as the customer is told: in a frame's bar, in the
/// replace-or-keep question and in its "Kept" outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeper {
    /// This browser's storage.
    Browser,
    /// Nobody: the browser's storage is blocked, failing or not to be overwritten, and no
    /// version 2 host keeps it.
    Unsaved,
    /// The version 2 host that frames the wizard.
    Portal,
    /// Nobody: a version 2 host said it has nothing it can offer, or did not answer in time.
    PortalNotKeeping,
    /// Not known yet: a version 2 host's restore is awaited.
    PortalAwaited,
}

/// The embed bar's line on where progress is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepStatus {
    pub text: &'static str,
    /// Shown as a warning: the progress is lost when the page closes.
    pub at_risk: bool,
}

const NOT_KEPT: KeepStatus = KeepStatus {
    text: "Your progress is not kept after this page closes: use a share link or an export.",
    at_risk: true,
};

impl Keeper {
    /// `host`: what a version 2 host framing the wizard has said (`None` without one: the wizard
    /// keeps the progress itself); `stored`: the browser's storage holds the progress on screen.
    pub fn new(host: Option<HostKeeping>, stored: bool) -> Keeper {
        match host {
            Some(HostKeeping::Keeps) => Keeper::Portal,
            Some(HostKeeping::Unavailable | HostKeeping::Silent) => Keeper::PortalNotKeeping,
            Some(HostKeeping::Awaited) => Keeper::PortalAwaited,
            None if stored => Keeper::Browser,
            None => Keeper::Unsaved,
        }
    }

    /// Whether the progress on screen is kept, by this browser or by the host: what the error
    /// page says of the answers (`storage::error_page_line`). Not while a host's restore is
    /// awaited: it may yet say it keeps nothing.
    pub fn keeps(self) -> bool {
        matches!(self, Keeper::Browser | Keeper::Portal)
    }

    /// The embed bar's line: none while progress is saved in this browser as on the full page,
    /// and none while a host's restore is awaited (it never says "kept" before the host has).
    pub fn status(self) -> Option<KeepStatus> {
        match self {
            Keeper::Browser | Keeper::PortalAwaited => None,
            Keeper::Portal => Some(KeepStatus { text: "Your progress is kept by this portal.", at_risk: false }),
            Keeper::Unsaved | Keeper::PortalNotKeeping => Some(NOT_KEPT),
        }
    }

    /// The replace-or-keep question's text: the `from` (share link, link, import, portal) holds
    /// a scope with `in_scope` items, and what the customer has, said as it is kept.
    pub fn question(self, from: Source, in_scope: usize) -> String {
        let yours = match self {
            Keeper::Browser => {
                "progress saved in this browser. Replacing it overwrites your saved answers and ticks."
            }
            Keeper::Unsaved => {
                "progress in this tab that is not saved in this browser. Replacing it overwrites your answers and ticks."
            }
            Keeper::Portal => {
                "progress of your own, which this portal keeps for you. Replacing it overwrites your answers and ticks."
            }
            Keeper::PortalNotKeeping => {
                "progress on this page that is not kept after it closes. Replacing it overwrites your answers and ticks."
            }
            Keeper::PortalAwaited => "progress on this page. Replacing it overwrites your answers and ticks.",
        };
        format!("The {} holds a scope with {in_scope} items in scope. You also have {yours}", from.words())
    }

    /// The outcome of "Keep my progress" over what `from` offered.
    pub fn kept(self, from: Source) -> String {
        let yours = if self == Keeper::Browser { "your saved progress" } else { "your progress" };
        // A portal is not something opened: the scope it offered is.
        let offered =
            if from == Source::Portal { "the portal's scope".to_string() } else { format!("the {}", from.words()) };
        format!("Kept {yours}; {offered} was not opened.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluate;
    use crate::ItemSet;

    /// A message's JSON text as a value: hosts read objects, whose key order means nothing.
    fn json(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn the_error_page_says_saved_where_this_browser_or_the_host_keeps_the_progress() {
        let says_saved =
            |host, stored| crate::storage::error_page_line(Keeper::new(host, stored).keeps()).contains("are saved");
        assert!(says_saved(None, true));
        assert!(!says_saved(None, false));
        // A version 2 host keeps it whatever the frame's own storage does.
        assert!(says_saved(Some(HostKeeping::Keeps), false));
        for host in [HostKeeping::Awaited, HostKeeping::Unavailable, HostKeeping::Silent] {
            assert!(!says_saved(Some(host), true), "{host:?}");
        }
    }

    #[test]
    fn wizard_messages_carry_type_and_version() {
        assert_eq!(json(&WizardMessage::Ready.to_json(1)), json(r#"{"type":"ems-scope:ready","version":1}"#));
        let step = WizardMessage::Step { step: "intune".into(), index: 3, count: 5 };
        assert_eq!(
            json(&step.to_json(1)),
            json(r#"{"type":"ems-scope:step","step":"intune","index":3,"count":5,"version":1}"#)
        );
        assert_eq!(
            json(&WizardMessage::Height { height: 812 }.to_json(1)),
            json(r#"{"type":"ems-scope:height","height":812,"version":1}"#)
        );
        assert_eq!(
            json(&WizardMessage::Export { format: "json".into() }.to_json(1)),
            json(r#"{"type":"ems-scope:export","format":"json","version":1}"#)
        );
        let ok = WizardMessage::PrefillResult { ok: true, error: None };
        assert_eq!(json(&ok.to_json(1)), json(r#"{"type":"ems-scope:prefill-result","ok":true,"version":1}"#));
        let refused = WizardMessage::PrefillResult { ok: false, error: Some("no answers given".into()) };
        assert_eq!(
            json(&refused.to_json(1)),
            json(r#"{"type":"ems-scope:prefill-result","ok":false,"error":"no answers given","version":1}"#)
        );
    }

    #[test]
    fn a_summary_request_is_read_with_its_format_and_id() {
        let read = |text: &str, version| read_host_message(text, version);
        assert_eq!(
            read(r#"{"type":"ems-scope:summary-request","format":"markdown","id":"r1"}"#, 2),
            FromHost::Message(HostMessage::SummaryRequest {
                format: SummaryFormat::Markdown,
                id: Some(RequestId::Text("r1".into()))
            })
        );
        assert_eq!(
            read(r#"{"type":"ems-scope:summary-request","format":"json","id":7}"#, 2),
            FromHost::Message(HostMessage::SummaryRequest {
                format: SummaryFormat::Json,
                id: Some(RequestId::Number(7.into()))
            })
        );
        assert_eq!(
            read(r#"{"type":"ems-scope:summary-request","format":"json"}"#, 2),
            FromHost::Message(HostMessage::SummaryRequest { format: SummaryFormat::Json, id: None })
        );
        // A format the wizard does not write, or none, is refused with the reason.
        for bad in [r#"{"type":"ems-scope:summary-request","format":"pdf"}"#, r#"{"type":"ems-scope:summary-request"}"#]
        {
            assert!(matches!(read(bad, 2), FromHost::Malformed(why) if why.contains("could not be read")), "{bad}");
        }
        // An id is a name, not a payload.
        let long = format!(r#"{{"type":"ems-scope:summary-request","format":"json","id":"{}"}}"#, "x".repeat(201));
        assert!(matches!(read(&long, 2), FromHost::Malformed(why) if why.contains("id")));
        let longest = format!(r#"{{"type":"ems-scope:summary-request","format":"json","id":"{}"}}"#, "x".repeat(200));
        assert!(matches!(read(&longest, 2), FromHost::Message(_)));
    }

    #[test]
    fn a_version_1_host_gets_nothing_new_for_a_summary_request() {
        let request = r#"{"type":"ems-scope:summary-request","format":"markdown"}"#;
        match read_host_message(request, 1) {
            FromHost::Malformed(why) => assert!(why.contains("protocol version 2"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_summary_is_the_download_of_that_format_with_the_id_echoed() {
        let progress = crate::import::read_scope("#services=intune&tenant=new", &Progress::default()).unwrap();
        let date = "2026-12-06";
        let markdown = summary_message(&progress, SummaryFormat::Markdown, Some(RequestId::Text("a".into())), date);
        assert_eq!(
            json(&markdown.to_json(2)),
            serde_json::json!({
                "type": "ems-scope:summary", "version": 2, "format": "markdown", "id": "a",
                "text": crate::export::to_markdown(&progress, date),
            })
        );
        let plain = summary_message(&progress, SummaryFormat::Json, None, date);
        assert_eq!(
            json(&plain.to_json(2)),
            serde_json::json!({
                "type": "ems-scope:summary", "version": 2, "format": "json",
                "text": crate::export::to_json(&progress, date),
            })
        );
    }

    #[test]
    fn counts_follow_the_scope_and_ticks() {
        let answers = link::parse_prefill("services=intune&directory=single_forest").unwrap();
        let scope = evaluate(&answers, Revision::CURRENT);
        let mut done = ItemSet::new();
        let first_in_scope = scope.items.iter().find(|s| s.outcome == crate::Outcome::InScope).unwrap().item;
        done.insert(first_in_scope);
        let counts = scope.totals(&done);
        let c = scope.totals(&ItemSet::new());
        assert_eq!(counts, Counts { done: 1, ..c });
        let message = json(&WizardMessage::Scope { counts }.to_json(1));
        assert_eq!(message["type"], "ems-scope:scope");
        assert_eq!(message["version"], 1);
        assert_eq!(message["counts"]["in_scope"], c.in_scope);
        assert_eq!(message["counts"]["done"], 1);
    }

    #[test]
    fn host_messages_are_read_or_told_apart() {
        assert_eq!(
            read_host_message(r#"{"type":"ems-scope:prefill","answers":"services=intune"}"#, 1),
            FromHost::Message(HostMessage::Prefill { answers: "services=intune".into() })
        );
        assert_eq!(
            read_host_message(r#"{"type":"ems-scope:prefill"}"#, 1),
            FromHost::Message(HostMessage::Prefill { answers: String::new() })
        );
        for unrelated in ["null", "42", "\"text\"", "{}", r#"{"type":"other"}"#, r#"{"type":7}"#, "not json"] {
            assert_eq!(read_host_message(unrelated, 1), FromHost::Unrelated, "{unrelated}");
        }
        for malformed in [r#"{"type":"ems-scope:prefill","answers":7}"#, r#"{"type":"ems-scope:launch"}"#] {
            assert!(
                matches!(read_host_message(malformed, 1), FromHost::Malformed(why) if why.starts_with("the message could not be read")),
                "{malformed}"
            );
        }
    }

    #[test]
    fn a_prefill_opens_progress_or_says_why_not() {
        let p = prefill_progress("services=intune&tenant=new", Revision::EARLIER).unwrap();
        assert_eq!(
            p,
            Progress::from_prefill(link::parse_prefill("services=intune&tenant=new").unwrap(), Revision::EARLIER)
        );
        let shared = Progress { step: "summary".into(), ..p.clone() };
        let fragment = link::encode_share(&shared, true);
        assert_eq!(prefill_progress(&fragment, Revision::CURRENT).unwrap().answers, shared.answers);
        assert_eq!(prefill_progress("", Revision::CURRENT), Err("no answers given".into()));
        let err = prefill_progress("services=nothing", Revision::CURRENT).unwrap_err();
        assert!(err.starts_with("its answers do not fit this wizard"), "{err}");
    }
    #[test]
    fn the_protocol_is_1_unless_the_host_asks_for_2() {
        assert_eq!(protocol(None), 1);
        assert_eq!(protocol(Some("1")), 1);
        assert_eq!(protocol(Some("2")), 2);
        for other in ["", "3", "02", "2.0", "two"] {
            assert_eq!(protocol(Some(other)), 1, "{other}");
        }
        // Every message carries the version the host speaks.
        assert_eq!(json(&WizardMessage::Ready.to_json(2)), json(r#"{"type":"ems-scope:ready","version":2}"#));
        let refused = WizardMessage::RestoreResult { ok: false, error: Some("why".into()) };
        assert_eq!(
            json(&refused.to_json(2)),
            json(r#"{"type":"ems-scope:restore-result","ok":false,"error":"why","version":2}"#)
        );
        let ok = WizardMessage::RestoreResult { ok: true, error: None };
        assert_eq!(json(&ok.to_json(2)), json(r#"{"type":"ems-scope:restore-result","ok":true,"version":2}"#));
    }

    /// Progress with answers on two steps, the Intune step on screen, two ticks, the earlier revision.
    fn answered() -> Progress {
        let answers = link::parse_prefill("services=intune&tenant=new&directory=single_forest").unwrap();
        let mut done = ItemSet::new();
        done.insert(crate::ItemId::at(0).unwrap());
        done.insert(crate::ItemId::at(5).unwrap());
        Progress { answers, step: "intune".into(), done, revision: Revision::EARLIER }
    }

    #[test]
    fn the_progress_message_carries_the_fragment_the_step_and_the_counts() {
        let p = answered();
        let counts = evaluate(&p.answers, p.revision).totals(&p.done);
        let message = progress_message(&p, counts);
        let fragment = link::encode_share(&p, true);
        assert_eq!(message, WizardMessage::Progress { progress: fragment.clone(), step: "intune".into(), counts });
        let sent = json(&message.to_json(2));
        assert_eq!(sent["type"], "ems-scope:progress");
        assert_eq!(sent["progress"], fragment.as_str());
        assert_eq!(sent["step"], "intune");
        assert_eq!(sent["counts"]["done"], 2);
        assert_eq!(sent["version"], 2);
        // The step on screen: a saved step that no longer applies is sent as the one shown.
        let gone = Progress { step: "rms".into(), ..p.clone() };
        assert!(matches!(progress_message(&gone, counts), WizardMessage::Progress { step, .. } if step == "services"));
    }

    #[test]
    fn a_progress_message_restores_to_the_same_progress() {
        let p = answered();
        let counts = evaluate(&p.answers, p.revision).totals(&p.done);
        let WizardMessage::Progress { progress, step, .. } = progress_message(&p, counts) else { unreachable!() };
        let json = format!(r#"{{"type":"ems-scope:restore","progress":"{progress}","step":"{step}"}}"#);
        let FromHost::Message(HostMessage::Restore { progress, step, .. }) = read_host_message(&json, 2) else {
            panic!("{json}")
        };
        assert_eq!(restore_progress(progress.as_deref(), step.as_deref()), Ok(Some(p.clone())));
        // Every step of the catalog and the summary come back as they were sent.
        for step in StepId::all().map(|s| s.get().id).chain([wizard::SUMMARY]) {
            let fragment = link::encode_share(&p, true);
            assert_eq!(restore_progress(Some(&fragment), Some(step)).unwrap().unwrap().step, step);
        }
        // No step: the summary, as a share link.
        let fragment = link::encode_share(&p, true);
        assert_eq!(restore_progress(Some(&fragment), None).unwrap().unwrap().step, wizard::SUMMARY);
    }

    #[test]
    fn an_empty_restore_says_the_host_has_nothing_yet() {
        for json in [
            r#"{"type":"ems-scope:restore"}"#,
            r#"{"type":"ems-scope:restore","progress":null,"step":null}"#,
            r#"{"type":"ems-scope:restore","progress":"","step":"intune"}"#,
        ] {
            let FromHost::Message(HostMessage::Restore { progress, step, .. }) = read_host_message(json, 2) else {
                panic!("{json}")
            };
            assert_eq!(restore_progress(progress.as_deref(), step.as_deref()), Ok(None), "{json}");
        }
    }

    #[test]
    fn a_malformed_restore_is_refused_with_a_reason() {
        let fragment = link::encode_share(&answered(), true);
        let mut damaged = fragment.clone();
        damaged.truncate(fragment.len() - 3);
        // A step id up to MAX_STEP bytes is named in the reason; a longer one is not echoed.
        let (longest, too_long) = ("x".repeat(MAX_STEP), "x".repeat(MAX_STEP + 1));
        let named = format!("the step `{longest}` is not a step of this wizard");
        let cases: [(Option<&str>, Option<&str>, &str); 8] = [
            (Some(&fragment), Some(&longest), &named),
            (Some(&fragment), Some(&too_long), "the step is not a step id of this wizard"),
            (Some(&damaged), Some("intune"), "the progress could not be read: the link is damaged"),
            (Some("s1.!!!"), None, "the progress could not be read: the link is damaged"),
            (Some("s9.AAAA"), None, "the progress could not be read: the link was made by a newer version"),
            (Some("services=intune"), None, "the progress could not be read: it is not a progress string"),
            (Some(&fragment), Some("nowhere"), "the step `nowhere` is not a step of this wizard"),
            (Some(&fragment), Some(&"x".repeat(100)), "the step is not a step id of this wizard"),
        ];
        for (progress, step, want) in cases {
            let err = restore_progress(progress, step).unwrap_err();
            assert!(err.starts_with(want), "{progress:?} {step:?}: {err}");
        }
        // Fields of the wrong shape: the restore itself is malformed, and answered as a restore.
        for json in
            [r#"{"type":"ems-scope:restore","progress":7}"#, r#"{"type":"ems-scope:restore","step":["intune"]}"#]
        {
            assert!(matches!(read_host_message(json, 2), FromHost::MalformedRestore(_)), "{json}");
        }
        assert!(matches!(read_host_message(r#"{"type":"ems-scope:prefill","answers":7}"#, 2), FromHost::Malformed(_)));
    }

    #[test]
    fn a_version_1_host_cannot_restore() {
        let json = r#"{"type":"ems-scope:restore","progress":""}"#;
        assert!(matches!(read_host_message(json, 1), FromHost::Malformed(why) if why.contains("protocol=2")));
        assert_eq!(
            read_host_message(json, 2),
            FromHost::Message(HostMessage::Restore { progress: Some(String::new()), step: None, unavailable: false })
        );
        // Prefill works in both.
        let prefill = r#"{"type":"ems-scope:prefill","answers":"services=intune"}"#;
        assert_eq!(read_host_message(prefill, 1), read_host_message(prefill, 2));
    }

    #[test]
    fn an_unavailable_restore_is_read_and_its_progress_ignored() {
        let want = |unavailable| FromHost::Message(HostMessage::Restore { progress: None, step: None, unavailable });
        assert_eq!(read_host_message(r#"{"type":"ems-scope:restore","unavailable":true,"version":2}"#, 2), want(true));
        assert_eq!(read_host_message(r#"{"type":"ems-scope:restore","unavailable":false}"#, 2), want(false));
        // Of the wrong shape: a malformed restore, answered as one.
        assert!(matches!(
            read_host_message(r#"{"type":"ems-scope:restore","unavailable":"yes"}"#, 2),
            FromHost::MalformedRestore(why) if why.starts_with("the message could not be read")
        ));
        // Still protocol version 2 only.
        assert!(matches!(
            read_host_message(r#"{"type":"ems-scope:restore","unavailable":true}"#, 1),
            FromHost::Malformed(why) if why.contains("protocol=2")
        ));
    }

    #[test]
    fn unknown_types_and_bad_fields_are_named_in_the_reason() {
        let FromHost::Malformed(why) = read_host_message(r#"{"type":"ems-scope:launch"}"#, 2) else { panic!() };
        assert!(why.contains("ems-scope:launch"), "{why}");
        let FromHost::Malformed(why) = read_host_message(r#"{"type":"ems-scope:prefill","answers":7}"#, 2) else {
            panic!()
        };
        assert!(why.contains("expected a string"), "{why}");
        // Other fields (the version, a host's own) are not the wizard's business.
        assert_eq!(
            read_host_message(r#"{"type":"ems-scope:prefill","answers":"services=intune","version":2,"id":7}"#, 2),
            FromHost::Message(HostMessage::Prefill { answers: "services=intune".into() })
        );
    }

    #[test]
    fn what_the_bar_says_follows_what_the_host_said() {
        use HostKeeping::*;
        use KeepingEvent as E;
        let bar = |host: HostKeeping| Keeper::new(Some(host), false).status();
        let kept = Some(KeepStatus { text: "Your progress is kept by this portal.", at_risk: false });
        // Before the host's restore and within the limit: nothing, never "kept".
        assert_eq!(bar(Awaited), None);
        // A restore read, with progress or none yet: kept.
        assert_eq!(bar(Awaited.after(E::Restore)), kept);
        // The host has nothing it can offer: not kept, at once.
        assert_eq!(bar(Awaited.after(E::Unavailable)), Some(NOT_KEPT));
        // No restore within the limit: not kept.
        assert_eq!(bar(Awaited.after(E::TimeLimit)), Some(NOT_KEPT));
        // A malformed restore: the host speaks version 2 and keeps what follows its result.
        assert_eq!(bar(Awaited.after(E::MalformedRestore)), kept);
        // A restore that comes after the limit: kept from then on.
        assert_eq!(bar(Awaited.after(E::TimeLimit).after(E::Restore)), kept);
        assert_eq!(bar(Awaited.after(E::TimeLimit).after(E::MalformedRestore)), kept);
        // The limit passing after the host answered changes nothing.
        for answered in [E::Restore, E::Unavailable, E::MalformedRestore] {
            let state = Awaited.after(answered);
            assert_eq!(state.after(E::TimeLimit), state, "{answered:?}");
        }
        // A malformed restore does not undo what the host said before.
        assert_eq!(Keeps.after(E::MalformedRestore), Keeps);
        assert_eq!(Unavailable.after(E::MalformedRestore), Unavailable);
        // The host's latest readable word wins.
        assert_eq!(Keeps.after(E::Unavailable), Unavailable);
        assert_eq!(Unavailable.after(E::Restore), Keeps);
    }

    #[test]
    fn without_a_version_2_host_the_bar_follows_the_browsers_storage() {
        assert_eq!(Keeper::new(None, true), Keeper::Browser);
        assert_eq!(Keeper::new(None, true).status(), None);
        assert_eq!(Keeper::new(None, false), Keeper::Unsaved);
        assert_eq!(Keeper::new(None, false).status(), Some(NOT_KEPT));
        // A version 2 host decides, whatever the frame's own storage does.
        assert_eq!(Keeper::new(Some(HostKeeping::Awaited), true), Keeper::PortalAwaited);
        assert_eq!(Keeper::new(Some(HostKeeping::Silent), true), Keeper::PortalNotKeeping);
    }

    #[test]
    fn only_progress_saved_in_this_browser_is_said_to_be_saved_there() {
        let all = [Keeper::Browser, Keeper::Unsaved, Keeper::Portal, Keeper::PortalNotKeeping, Keeper::PortalAwaited];
        for keeper in all {
            let question = keeper.question(Source::Portal, 12);
            assert!(
                question.starts_with("The portal holds a scope with 12 items in scope. You also have "),
                "{question}"
            );
            let saved_here = question.contains("progress saved in this browser");
            assert_eq!(saved_here, keeper == Keeper::Browser, "{keeper:?}: {question}");
            assert_eq!(question.contains("this portal keeps for you"), keeper == Keeper::Portal, "{keeper:?}");
            assert_eq!(keeper.kept(Source::Portal).contains("saved"), keeper == Keeper::Browser, "{keeper:?}");
        }
        // The wording the full page has always had.
        assert_eq!(
            Keeper::Browser.question(Source::ShareLink, 45),
            "The share link holds a scope with 45 items in scope. You also have progress saved in this browser. Replacing it overwrites your saved answers and ticks."
        );
        assert_eq!(Keeper::Browser.kept(Source::ShareLink), "Kept your saved progress; the share link was not opened.");
        assert_eq!(Keeper::Unsaved.kept(Source::Link), "Kept your progress; the link was not opened.");
        // In a portal: the scope it offered was not opened, not the portal.
        assert_eq!(Keeper::Portal.kept(Source::Portal), "Kept your progress; the portal's scope was not opened.");
    }
}
