//! The messages between the wizard in embed mode and the partner page that frames it
//! (`window.postMessage`, README "Embedding in a partner portal" documents each field).
//!
//! Every message is an object `{ "type": "ems-scope:<kind>", "version": 1, … }`. The app turns
//! these documents into JavaScript objects and back with `JSON.parse`/`JSON.stringify`; the origin
//! checks happen there, before anything here reads a message.

use crate::catalog::Revision;
use crate::engine::Scope;
use crate::link;
use crate::progress::Progress;
use crate::ItemSet;
use serde::{Deserialize, Serialize};

/// The protocol version the wizard speaks.
pub const PROTOCOL: u32 = 1;

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub in_scope: usize,
    pub out_of_scope: usize,
    pub not_supported: usize,
    pub waiting: usize,
    pub done: usize,
}

impl Counts {
    pub fn of(scope: &Scope, done: &ItemSet) -> Counts {
        let c = scope.counts(None);
        Counts {
            in_scope: c.in_scope,
            out_of_scope: c.out_of_scope,
            not_supported: c.not_supported,
            waiting: c.waiting,
            done: scope.done_count(done, None),
        }
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    #[serde(flatten)]
    message: &'a WizardMessage,
    version: u32,
}

impl WizardMessage {
    /// The message as JSON text, with the protocol version.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Envelope { message: self, version: PROTOCOL }).unwrap_or_default()
    }
}

/// What the host page may send.
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
}

/// A message from the host's origin, read.
#[derive(Debug, Clone, PartialEq)]
pub enum FromHost {
    Message(HostMessage),
    /// Not a message of this protocol (another script on the page may use postMessage too).
    Unrelated,
    /// Of this protocol, but not of a shape the wizard knows: the reason.
    Malformed(String),
}

/// Reads a message's data, as JSON text.
pub fn read_host_message(json: &str) -> FromHost {
    #[derive(Deserialize)]
    struct Tagged {
        #[serde(rename = "type")]
        kind: String,
    }
    let ours = serde_json::from_str::<Tagged>(json).is_ok_and(|t| t.kind.starts_with("ems-scope:"));
    if !ours {
        return FromHost::Unrelated;
    }
    match serde_json::from_str::<HostMessage>(json) {
        Ok(message) => FromHost::Message(message),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluate;

    #[test]
    fn wizard_messages_carry_type_and_version() {
        assert_eq!(WizardMessage::Ready.to_json(), r#"{"type":"ems-scope:ready","version":1}"#);
        let step = WizardMessage::Step { step: "intune".into(), index: 3, count: 5 };
        assert_eq!(step.to_json(), r#"{"type":"ems-scope:step","step":"intune","index":3,"count":5,"version":1}"#);
        assert_eq!(
            WizardMessage::Height { height: 812 }.to_json(),
            r#"{"type":"ems-scope:height","height":812,"version":1}"#
        );
        assert_eq!(
            WizardMessage::Export { format: "json".into() }.to_json(),
            r#"{"type":"ems-scope:export","format":"json","version":1}"#
        );
        let ok = WizardMessage::PrefillResult { ok: true, error: None };
        assert_eq!(ok.to_json(), r#"{"type":"ems-scope:prefill-result","ok":true,"version":1}"#);
        let refused = WizardMessage::PrefillResult { ok: false, error: Some("no answers given".into()) };
        assert_eq!(
            refused.to_json(),
            r#"{"type":"ems-scope:prefill-result","ok":false,"error":"no answers given","version":1}"#
        );
    }

    #[test]
    fn counts_follow_the_scope_and_ticks() {
        let answers = link::parse_prefill("services=intune&directory=single_forest").unwrap();
        let scope = evaluate(&answers, Revision::CURRENT);
        let mut done = ItemSet::new();
        let first_in_scope = scope.items.iter().find(|s| s.outcome == crate::Outcome::InScope).unwrap().item;
        done.insert(first_in_scope);
        let counts = Counts::of(&scope, &done);
        let c = scope.counts(None);
        assert_eq!(
            counts,
            Counts {
                in_scope: c.in_scope,
                out_of_scope: c.out_of_scope,
                not_supported: c.not_supported,
                waiting: c.waiting,
                done: 1
            }
        );
        let json = WizardMessage::Scope { counts }.to_json();
        assert!(json.starts_with(r#"{"type":"ems-scope:scope","counts":{"in_scope":"#), "{json}");
        assert!(json.ends_with(r#","done":1},"version":1}"#), "{json}");
    }

    #[test]
    fn host_messages_are_read_or_told_apart() {
        assert_eq!(
            read_host_message(r#"{"type":"ems-scope:prefill","answers":"services=intune"}"#),
            FromHost::Message(HostMessage::Prefill { answers: "services=intune".into() })
        );
        assert_eq!(
            read_host_message(r#"{"type":"ems-scope:prefill"}"#),
            FromHost::Message(HostMessage::Prefill { answers: String::new() })
        );
        for unrelated in ["null", "42", "\"text\"", "{}", r#"{"type":"other"}"#, r#"{"type":7}"#, "not json"] {
            assert_eq!(read_host_message(unrelated), FromHost::Unrelated, "{unrelated}");
        }
        for malformed in [r#"{"type":"ems-scope:prefill","answers":7}"#, r#"{"type":"ems-scope:launch"}"#] {
            assert!(
                matches!(read_host_message(malformed), FromHost::Malformed(why) if why.starts_with("the message could not be read")),
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
}
