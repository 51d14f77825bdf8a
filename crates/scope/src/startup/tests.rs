//! The cases the browser suite opens the wizard in (prerender, share, storage and
//! embed-progress tests), decided natively.

use super::*;
use crate::notice::Kind;
use crate::ItemId;

fn answered(pairs: &[(&str, &[&str])]) -> Progress {
    let mut progress = Progress::default();
    for (question, values) in pairs {
        progress.answers.set_by_ids(question, values).unwrap();
    }
    progress
}

/// Saved progress with answers, a tick, on the Intune step.
fn saved() -> Progress {
    let mut progress = answered(&[("services", &["intune", "azure_rms"]), ("tenant", &["new"])]);
    progress.step = "intune".into();
    progress.done.insert(ItemId::all().next().unwrap());
    progress
}

fn found<'a>(saved: Progress, fragment: &'a str, choices: &'a [(&'a str, &'a str)]) -> Found<'a, &'a str, &'a str> {
    Found { saved, storage_notice: None, fragment, embedded: false, host_keeps: false, early_choices: choices }
}

fn share(progress: &Progress) -> String {
    format!("#{}", link::encode_share(progress, true))
}

const EARLY: &[(&str, &str)] = &[("services", "intune"), ("services", "azure_rms"), ("tenant", "new")];

#[test]
fn early_choices_are_the_first_answers_and_announced() {
    let start = Startup::decide(found(Progress::default(), "", EARLY));
    assert_eq!(start.progress.answers, saved().answers);
    assert_eq!(start.opened, Progress::default(), "the change from a blank start is the person's");
    assert_eq!(start.provisional, None, "no host keeps them");
    assert_eq!(start.question, None);
}

#[test]
fn early_choices_are_grouped_by_question_in_any_order() {
    let interleaved = [("services", "intune"), ("tenant", "new"), ("services", "azure_rms")];
    assert_eq!(early_answers(&interleaved), saved().answers);
    let one = early_answers(&[("services", "intune")]);
    assert_eq!(one, answered(&[("services", &["intune"])]).answers);
    assert_eq!(early_answers::<&str, &str>(&[]), Answers::default());
}

#[test]
fn unknown_early_choices_are_left_out_and_the_rest_kept() {
    let choices = [("services", "intune"), ("nonsense", "x"), ("tenant", "nowhere"), ("tenant", "new")];
    // `tenant` has an unknown value beside a known one: the question is left out whole.
    assert_eq!(early_answers(&choices), answered(&[("services", &["intune"])]).answers);
}

#[test]
fn saved_progress_wins_over_early_choices_and_opens_on_its_step() {
    let start = Startup::decide(found(saved(), "", &[("services", "aad_premium")]));
    assert_eq!(start.progress, saved());
    assert_eq!(start.progress.step, "intune");
    assert_eq!(start.opened, start.progress, "opening saved progress is not announced");
}

#[test]
fn a_share_link_opens_at_once_on_a_blank_start_on_the_summary() {
    let start = Startup::decide(found(Progress::default(), &share(&saved()), EARLY));
    assert_eq!(start.progress.answers, saved().answers, "the link wins over early choices");
    assert_eq!(start.progress.done, saved().done);
    assert_eq!(start.progress.step, wizard::SUMMARY);
    assert_eq!(start.opened, start.progress);
    assert!(!start.keeps_fragment);
}

#[test]
fn a_share_link_over_saved_progress_is_asked_about_and_stays_in_the_address() {
    let other = answered(&[("services", &["aad_premium"])]);
    let start = Startup::decide(found(saved(), &share(&other), EARLY));
    assert_eq!(start.progress, saved(), "nothing replaced before the person says so");
    let question = start.question.expect("asked");
    assert_eq!(question.from, Source::ShareLink);
    assert_eq!(question.progress.answers, other.answers);
    assert!(start.keeps_fragment, "a reload asks again");
}

#[test]
fn a_link_to_the_scope_already_saved_opens_without_asking() {
    let start = Startup::decide(found(saved(), &share(&saved()), &[]));
    assert_eq!(start.question, None);
    assert_eq!(start.progress.step, wizard::SUMMARY);
    assert!(!start.keeps_fragment);
}

#[test]
fn a_prefill_link_pre_answers_on_the_first_open_step() {
    let start = Startup::decide(found(Progress::default(), "#services=intune,azure_rms&tenant=new", &[]));
    assert_eq!(start.progress.answers, saved().answers);
    assert_eq!(start.progress.step, wizard::first_open_step(&saved().answers));
    let over = Startup::decide(found(saved(), "#services=aad_premium", &[]));
    assert_eq!(over.question.map(|q| q.from), Some(Source::Link));
}

#[test]
fn a_tampered_link_is_refused_and_saved_progress_kept() {
    let mut link = share(&saved());
    link.pop();
    link.push(if link.ends_with('A') { 'B' } else { 'A' });
    let start = Startup::decide(found(saved(), &link, &[]));
    assert_eq!(start.progress, saved());
    assert_eq!(start.question, None);
    assert!(!start.keeps_fragment, "the damaged link leaves the address");
    let [notice] = &start.notices[..] else { panic!("one notice: {:?}", start.notices) };
    assert_eq!((notice.kind, notice.tone), (Kind::Outcome, Tone::Error));
    assert!(notice.text.starts_with("The link could not be opened"), "{}", notice.text);
}

#[test]
fn early_choices_stay_when_a_link_is_refused() {
    let start = Startup::decide(found(Progress::default(), "#s1.garbage", EARLY));
    assert_eq!(start.progress.answers, saved().answers);
    assert_eq!(start.notices.len(), 1);
}

#[test]
fn the_blocked_storage_notice_is_left_to_the_frame_bar() {
    let blocked = Notice::new(Kind::StorageBlocked, Tone::Info, crate::storage::STORAGE_BLOCKED);
    let full_page = Found { storage_notice: Some(blocked.clone()), ..found(Progress::default(), "", &[]) };
    assert_eq!(Startup::decide(full_page).notices, std::slice::from_ref(&blocked));
    let framed = Found { storage_notice: Some(blocked), embedded: true, ..found(Progress::default(), "", &[]) };
    assert_eq!(Startup::decide(framed).notices, []);
    let migrated = Notice::new(Kind::RecordMigrated, Tone::Warning, "updated");
    let framed = Found { storage_notice: Some(migrated.clone()), embedded: true, ..found(saved(), "", &[]) };
    assert_eq!(Startup::decide(framed).notices, [migrated], "other storage notices are said in a frame too");
}

#[test]
fn early_choices_in_a_keeping_host_s_frame_are_provisional() {
    let kept_by_host = Found { host_keeps: true, ..found(Progress::default(), "", EARLY) };
    let start = Startup::decide(kept_by_host);
    assert_eq!(start.provisional.as_ref(), Some(&start.progress));
    let none = Found { host_keeps: true, ..found(Progress::default(), "", &[]) };
    assert_eq!(Startup::decide(none).provisional, None, "nothing early, nothing provisional");
}

#[test]
fn what_the_portal_kept_replaces_untouched_early_choices_without_asking() {
    let early = answered(&[("services", &["aad_premium"])]);
    let mut kept = saved();
    kept.step = String::new();
    let arrival = restore(&early, Some(&early), false, kept.clone());
    assert_eq!(arrival, Arrival::Take(shown(kept)), "no question, on the summary");
}

#[test]
fn what_the_portal_kept_is_asked_about_over_changed_early_choices_or_a_waiting_question() {
    let early = answered(&[("services", &["aad_premium"])]);
    let changed = answered(&[("services", &["aad_premium", "intune"])]);
    let asked = |arrival| matches!(arrival, Arrival::Ask(Incoming { from: Source::Portal, .. }));
    assert!(asked(restore(&changed, Some(&early), false, saved())), "changed since");
    assert!(asked(restore(&early, Some(&early), true, saved())), "a prefill question waits");
    assert!(asked(restore(&early, None, false, saved())), "past the time limit the choices are the person's");
}

#[test]
fn what_the_portal_kept_opens_at_once_when_nothing_is_lost() {
    let mut kept = saved();
    kept.step = "rms".into();
    assert_eq!(restore(&Progress::default(), None, false, kept.clone()), Arrival::Take(kept.clone()));
    assert_eq!(restore(&saved(), None, false, kept.clone()), Arrival::Take(kept), "the same answers and ticks");
}

#[test]
fn an_incoming_scope_is_asked_about_only_when_it_changes_answers_or_ticks() {
    let incoming = |progress: Progress| Incoming { progress, from: Source::Import };
    let mut untick = saved();
    untick.done = Default::default();
    assert!(matches!(arrive(&saved(), incoming(untick)), Arrival::Ask(_)), "ticks differ");
    let fewer = answered(&[("services", &["intune"])]);
    assert!(matches!(arrive(&saved(), incoming(fewer.clone())), Arrival::Ask(_)), "answers differ");
    let mut same = saved();
    same.step = "rms".into();
    assert_eq!(arrive(&saved(), incoming(same.clone())), Arrival::Take(same), "a step is not lost");
    assert!(matches!(arrive(&Progress::default(), incoming(fewer)), Arrival::Take(_)));
}

#[test]
fn sources_in_words() {
    let all = [Source::ShareLink, Source::Link, Source::Import, Source::Portal];
    let words: Vec<_> = all.iter().map(|s| s.words()).collect();
    assert_eq!(words, ["share link", "link", "import", "portal"]);
    let address: Vec<_> = all.iter().map(|s| s.is_address()).collect();
    assert_eq!(address, [true, true, false, false]);
    assert_eq!(Source::Import.opened().text, "The scope from the import is open.");
    assert_eq!(Source::Import.opened().kind, Kind::Outcome);
}
