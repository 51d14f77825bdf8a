//! What happens to a customer's progress when another scope comes in, and at start-up which
//! source wins: saved progress, a link in the address, choices made before the app was up, what
//! a partner's portal kept. The app carries these decisions out (`app::start`, `Wizard::receive`,
//! `embed::restore`); the portal's messages are read in [`crate::portal`].

use crate::link::{self, Fragment};
use crate::notice::{Notice, Tone};
use crate::{wizard, Answers, Progress};

/// Where an incoming scope comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A share link (`#s1.…`) in the address.
    ShareLink,
    /// A readable prefill link (`#services=intune&…`) in the address.
    Link,
    /// An export, record or link pasted or dropped into Import.
    Import,
    /// A partner's portal: a prefill message, or the progress it kept.
    Portal,
}

impl Source {
    /// The source in words, as in "Open the scope from this share link?".
    pub fn words(self) -> &'static str {
        match self {
            Source::ShareLink => "share link",
            Source::Link => "link",
            Source::Import => "import",
            Source::Portal => "portal",
        }
    }

    /// It came from the page's address: the address keeps it while its question waits.
    pub fn is_address(self) -> bool {
        matches!(self, Source::ShareLink | Source::Link)
    }

    /// The outcome of opening its scope.
    pub fn opened(self) -> Notice {
        Notice::outcome(Tone::Info, format!("The scope from the {} is open.", self.words()))
    }
}

/// A scope from outside and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub progress: Progress,
    pub from: Source,
}

/// What becomes of an incoming scope.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrival {
    /// Shown at once (on the summary when it names no step): nothing on screen is lost.
    Take(Progress),
    /// The person is asked whether it replaces the progress on screen.
    Ask(Incoming),
}

/// Replace-or-keep: an incoming scope is taken at once unless the progress on screen has answers
/// or ticks that it would change.
pub fn arrive(current: &Progress, incoming: Incoming) -> Arrival {
    let differs =
        !current.is_blank() && (current.answers != incoming.progress.answers || current.done != incoming.progress.done);
    if differs {
        Arrival::Ask(incoming)
    } else {
        Arrival::Take(shown(incoming.progress))
    }
}

/// A scope as it is shown: on the summary when it names no step (a share link's).
pub fn shown(mut progress: Progress) -> Progress {
    if progress.step.is_empty() {
        progress.step = wizard::SUMMARY.into();
    }
    progress
}

/// What an address fragment leads to over the progress on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    /// Nothing for the wizard (an empty fragment).
    Nothing,
    /// A share link or prefill, taken or asked about.
    Arrives(Arrival),
    /// A damaged link: said, and the progress on screen is unchanged.
    Refused(Notice),
}

impl Opening {
    /// Whether the fragment stays in the address: only while its question waits, so a reload
    /// asks again rather than losing the link.
    pub fn keeps_fragment(&self) -> bool {
        matches!(self, Opening::Arrives(Arrival::Ask(_)))
    }
}

/// Opens the fragment of the page's address (with or without its `#`) over `current`.
pub fn open_fragment(current: &Progress, fragment: &str) -> Opening {
    match link::parse_fragment(fragment) {
        Ok(fragment) => {
            let from = if matches!(fragment, Fragment::Shared(_)) { Source::ShareLink } else { Source::Link };
            match fragment.into_progress(current.revision) {
                Some(progress) => Opening::Arrives(arrive(current, Incoming { progress, from })),
                None => Opening::Nothing,
            }
        }
        Err(e) => Opening::Refused(Notice::outcome(
            Tone::Error,
            format!("The link could not be opened: {e}. Your progress is unchanged."),
        )),
    }
}

/// Choices made on the prerendered questions before the app was up, as answers: `(question id,
/// value id)` pairs in any order, each question's values taken together. Ids that are not in
/// the catalog, and a second value for a one-answer question, are left out (the choices are the
/// page's own inputs: neither happens there).
pub fn early_answers<Q: AsRef<str>, V: AsRef<str>>(choices: &[(Q, V)]) -> Answers {
    let mut answers = Answers::default();
    let mut questions: Vec<&str> = Vec::new();
    for (question, _) in choices {
        if !questions.contains(&question.as_ref()) {
            questions.push(question.as_ref());
        }
    }
    for question in questions {
        let values: Vec<&str> =
            choices.iter().filter(|(q, _)| q.as_ref() == question).map(|(_, v)| v.as_ref()).collect();
        let _ = answers.set_by_ids(question, &values);
    }
    answers
}

/// What was found when the app started.
pub struct Found<'a, Q, V> {
    /// The progress saved in this browser (blank when there is none, or a portal keeps it).
    pub saved: Progress,
    /// What reading storage said (blocked, migrated, unreadable…).
    pub storage_notice: Option<Notice>,
    /// The page's address fragment.
    pub fragment: &'a str,
    /// In a partner's frame.
    pub embedded: bool,
    /// A version 2 host keeps the progress; its restore is still to come.
    pub host_keeps: bool,
    /// Choices made before the app was up, `(question id, value id)`.
    pub early_choices: &'a [(Q, V)],
}

/// What start-up shows, asks and says.
#[derive(Debug, PartialEq)]
pub struct Startup {
    /// The progress opened (saved, or a link taken): not a change of the person's, not
    /// announced.
    pub opened: Progress,
    /// What to show: `opened`, with the early choices when they are the first answers (a change
    /// of the person's, announced as such).
    pub progress: Progress,
    /// A link asked about over saved progress.
    pub question: Option<Incoming>,
    /// Said once the page shows, in order.
    pub notices: Vec<Notice>,
    /// The early choices, until a version 2 host's restore comes: what it kept replaces them
    /// without asking while they are unchanged ([`restore`]).
    pub provisional: Option<Progress>,
    /// The address keeps its fragment (its question waits).
    pub keeps_fragment: bool,
}

impl Startup {
    /// Saved progress first; a link over it (taken when nothing is lost, else asked about);
    /// then early choices, only onto a blank start: saved progress or a link wins, as the
    /// loader held the questions back for them, so choices there are the browser restoring a
    /// form.
    pub fn decide<Q: AsRef<str>, V: AsRef<str>>(found: Found<'_, Q, V>) -> Startup {
        let mut notices: Vec<Notice> =
            found.storage_notice.into_iter().filter(|n| !found.embedded || n.kind.said_in_frame()).collect();
        let opening = open_fragment(&found.saved, found.fragment);
        let keeps_fragment = opening.keeps_fragment();
        let (opened, question) = match opening {
            Opening::Nothing => (found.saved, None),
            Opening::Arrives(Arrival::Take(progress)) => (progress, None),
            Opening::Arrives(Arrival::Ask(incoming)) => (found.saved, Some(incoming)),
            Opening::Refused(notice) => {
                notices.push(notice);
                (found.saved, None)
            }
        };
        let mut progress = opened.clone();
        let mut provisional = None;
        if !found.early_choices.is_empty() && opened == Progress::default() {
            progress.answers = early_answers(found.early_choices);
            provisional = found.host_keeps.then(|| progress.clone());
        }
        Startup { opened, progress, question, notices, provisional, keeps_fragment }
    }
}

/// The progress a version 2 host kept, arriving over `current`: opened without asking while the
/// person has made nothing of their own since start (`provisional`, the early choices, is still
/// what is on screen, and no other question waits), else as any incoming scope.
pub fn restore(current: &Progress, provisional: Option<&Progress>, question_waits: bool, kept: Progress) -> Arrival {
    let untouched = provisional.is_some_and(|early| early == current) && !question_waits;
    if untouched {
        Arrival::Take(shown(kept))
    } else {
        arrive(current, Incoming { progress: kept, from: Source::Portal })
    }
}

#[cfg(test)]
mod tests;
