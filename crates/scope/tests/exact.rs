//! Exact values of the engine's smaller pieces: counts and done ticks per phase, warnings,
//! compare, the progress helpers, answers, the item set and the catalog accessors.

use scope::answers::Answers;
use scope::catalog::{Document, ItemId, ItemSet, Phase, QuestionId, Revision, ITEMS, QUESTIONS};
use scope::compare::{differences, Comparison, Difference};
use scope::engine::{applies, Applies};
use scope::engine::{evaluate, item_count, warnings, Counts, Warning};
use scope::link::parse_prefill;
use scope::{Outcome, Progress};

fn items(ids: &[&str]) -> ItemSet {
    ids.iter().map(|id| ItemId::by_id(id).unwrap_or_else(|| panic!("no item {id}"))).collect()
}

fn q(id: &str) -> QuestionId {
    QuestionId::by_id(id).unwrap()
}

/// Waiting for these questions, as a compare row carries it.
fn waiting(ids: &[&str]) -> Outcome {
    Outcome::Waiting(ids.iter().map(|id| q(id)).collect())
}

fn counts(in_scope: usize, out_of_scope: usize, not_supported: usize, waiting: usize, done: usize) -> Counts {
    Counts { in_scope, out_of_scope, not_supported, waiting, done }
}

#[test]
fn counts_and_done_ticks_per_phase() {
    let a = parse_prefill(
        "services=aad_premium,intune&tenant=existing&directory=multi_forest&signin=federated&custom_sync_rules=yes",
    )
    .unwrap();
    let scope = evaluate(&a, Revision::CURRENT);
    // Ticks on items in scope count; on an item out of scope, waiting, or not in the revision not.
    let done = items(&[
        "general.remote_support",
        "aad.multi_forest.connect_sync",
        "aad.multi_forest.custom_rules_note",
        "enable.test_sso",
        "intune.licensing",
        "intune.mdm.policies",
        "aad_cap.adfs",
    ]);
    assert_eq!(scope.counts(&done, None), counts(29, 3, 1, 31, 4));
    assert_eq!(scope.totals(&done), counts(29, 3, 1, 31, 4));
    let per_phase = [
        (Phase::General, counts(2, 0, 0, 0, 1)),
        (Phase::Initiate, counts(2, 0, 0, 0, 0)),
        (Phase::Assess, counts(8, 0, 0, 0, 0)),
        (Phase::Remediate, counts(2, 0, 0, 0, 0)),
        (Phase::Enable, counts(15, 3, 1, 31, 3)),
    ];
    for (phase, want) in per_phase {
        assert_eq!(scope.counts(&done, Some(phase)), want, "{phase:?}");
    }
    assert_eq!(scope.totals(&ItemSet::new()).done, 0);
    assert_eq!(item_count(), ITEMS.len());
    // The made-up third revision (tests/fixtures/revision-3.md) adds three items.
    assert_eq!(ITEMS.len(), if cfg!(feature = "third-revision") { 91 } else { 88 });
}

#[test]
fn warnings_name_conflicts_first_then_ignored_answers() {
    let a = parse_prefill(
        "services=aad_premium&directory=cloud_only&aad_features=connect_sync&intune_scope=mam&signin=federated",
    )
    .unwrap();
    let w = warnings(&a);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(matches!(&w[0], Warning::Conflict { conflict: "connect_sync_cloud_only", .. }), "{w:?}");
    assert_eq!(w[1], Warning::Ignored { question: q("signin") });
    assert_eq!(w[2], Warning::Ignored { question: q("intune_scope") });
    assert_eq!(w[0].questions(), [q("aad_features"), q("directory")]);
    assert_eq!(w[2].questions(), [q("intune_scope")]);
    assert_eq!(
        w[0].message(&a),
        "Azure AD Connect synchronizes an on-premises Active Directory, but your accounts are cloud only. \
         (Azure AD Premium capabilities: Azure AD Connect directory synchronization; Accounts: Only in the cloud (no on-premises Active Directory))"
    );
    assert_eq!(
        w[1].message(&a),
        "Sign-in: Federated identities (AD FS, single sign-on) is kept but ignored: it applies only with \
         Accounts: One on-premises Active Directory forest, Several on-premises Active Directory forests."
    );
    assert_eq!(evaluate(&a, Revision::EARLIER).warnings, w);
    assert!(warnings(&Answers::new()).is_empty());
}

#[test]
fn compare_names_each_item_that_differs() {
    let ours = Progress {
        answers: parse_prefill("services=aad_premium&tenant=new&directory=single_forest&custom_sync_rules=yes")
            .unwrap(),
        done: items(&["general.remote_support", "enable.single_forest.sync_server", "initiate.begin_onboarding"]),
        ..Progress::default()
    };
    let theirs = Progress {
        answers: parse_prefill("services=aad_premium,intune&tenant=existing&directory=single_forest&signin=federated&custom_sync_rules=yes")
            .unwrap(),
        done: items(&["general.remote_support", "enable.single_forest.sync_server", "general.documentation_tools", "intune.licensing"]),
        ..Progress::default()
    };
    let diffs: Vec<(&str, Difference)> =
        differences(&ours, &theirs).into_iter().map(|(id, d)| (id.get().id, d)).collect();
    let waiting_vs_in = || Difference::Outcome { ours: waiting(&["signin"]), theirs: Outcome::InScope };
    let mut want = vec![
        ("general.documentation_tools", Difference::Done { ours: false, theirs: true }),
        ("initiate.contact_new_tenant", Difference::OnlyOurs),
        ("initiate.begin_onboarding", Difference::Done { ours: true, theirs: false }),
        ("enable.adfs_single_forest", waiting_vs_in()),
        ("enable.test_sso", waiting_vs_in()),
        ("aad.adfs_single_forest", waiting_vs_in()),
        ("aad.test_sso", waiting_vs_in()),
    ];
    // Every Intune item is listed in theirs only (a tick there is no difference of its own): the
    // three in scope are only in theirs, the rest wait there for Intune's answers.
    let in_scope = ["intune.licensing", "intune.identities", "intune.users_roles_groups"];
    want.extend(ITEMS.iter().filter(|i| i.id.starts_with("intune.")).map(|i| {
        let theirs_waiting =
            evaluate(&theirs.answers, theirs.revision).get(ItemId::by_id(i.id).unwrap()).unwrap().outcome.clone();
        assert!(matches!(theirs_waiting, Outcome::Waiting(_)) || in_scope.contains(&i.id), "{}", i.id);
        let waiting = Difference::Outcome { ours: Outcome::NotApplicable, theirs: theirs_waiting };
        (i.id, if in_scope.contains(&i.id) { Difference::OnlyTheirs } else { waiting })
    }));
    assert_eq!(diffs, want);
    // The other way round, each difference mirrored.
    let back: Vec<(&str, Difference)> =
        differences(&theirs, &ours).into_iter().map(|(id, d)| (id.get().id, d)).collect();
    let mirrored: Vec<(&str, Difference)> = want
        .into_iter()
        .map(|(id, d)| {
            let d = match d {
                Difference::OnlyOurs => Difference::OnlyTheirs,
                Difference::OnlyTheirs => Difference::OnlyOurs,
                Difference::Outcome { ours, theirs } => Difference::Outcome { ours: theirs, theirs: ours },
                Difference::Done { ours, theirs } => Difference::Done { ours: theirs, theirs: ours },
            };
            (id, d)
        })
        .collect();
    assert_eq!(back, mirrored);
}

/// The same answers in the other revision: the capabilities each revision alone lists, each
/// waiting for an answer.
#[test]
fn compare_across_revisions_names_the_capabilities_one_revision_lists() {
    let with_aad = Progress {
        answers: parse_prefill("services=aad_premium").unwrap(),
        revision: Revision::CURRENT,
        ..Progress::default()
    };
    let with_aad_earlier = Progress { revision: Revision::EARLIER, ..with_aad.clone() };
    let features = || waiting(&["aad_features"]);
    let diffs: Vec<(&str, Difference)> =
        differences(&with_aad, &with_aad_earlier).into_iter().map(|(id, d)| (id.get().id, d)).collect();
    assert_eq!(
        diffs,
        [
            (
                "aad_cap.adfs",
                Difference::Outcome { ours: Outcome::NotApplicable, theirs: waiting(&["directory", "signin"]) }
            ),
            ("aad_cap.connect_health", Difference::Outcome { ours: features(), theirs: Outcome::NotApplicable }),
            ("aad_cap.identity_protection", Difference::Outcome { ours: features(), theirs: Outcome::NotApplicable }),
            ("aad_cap.pim", Difference::Outcome { ours: features(), theirs: Outcome::NotApplicable }),
        ]
    );
}

/// An item waiting for an answer on one side and not listed on the other is not "only" on the
/// waiting side, which would say it is in scope there: its row names both outcomes, as for an
/// item waiting on one side and in scope on the other.
#[test]
fn compare_names_both_outcomes_of_an_item_waiting_on_one_side() {
    let fresh = Progress::default();
    let theirs = Progress { answers: parse_prefill("services=aad_premium&tenant=new").unwrap(), ..Progress::default() };
    let row = |ours: &Progress, theirs: &Progress, id: &str| {
        differences(ours, theirs).into_iter().find(|(item, _)| item.get().id == id).map(|(_, d)| d)
    };
    let waiting_vs = |qs, theirs| Some(Difference::Outcome { ours: waiting(qs), theirs });
    assert_eq!(
        row(&fresh, &theirs, "rms.sharing_app"),
        waiting_vs(&["services", "rms_workloads"], Outcome::NotApplicable)
    );
    assert_eq!(row(&fresh, &theirs, "initiate.contact_new_tenant"), waiting_vs(&["tenant"], Outcome::InScope));
    let mirrored =
        Some(Difference::Outcome { ours: Outcome::NotApplicable, theirs: waiting(&["services", "rms_workloads"]) });
    assert_eq!(row(&theirs, &fresh, "rms.sharing_app"), mirrored);
    // "Only in" is kept for what is in scope on its side.
    for (id, difference) in differences(&fresh, &theirs) {
        let outcome = |p: &Progress| evaluate(&p.answers, p.revision).get(id).map(|s| s.outcome.as_str());
        match difference {
            Difference::OnlyOurs => assert_eq!(outcome(&fresh), Some("in_scope"), "{}", id.get().id),
            Difference::OnlyTheirs => assert_eq!(outcome(&theirs), Some("in_scope"), "{}", id.get().id),
            _ => {}
        }
    }
}

/// A comparison's rows word each item as the revision on screen does (theirs for an item the
/// revision on screen does not show), and say each difference in words.
#[test]
fn a_comparison_words_its_rows_as_the_revision_on_screen() {
    let saas = ItemId::by_id("aad_cap.saas_app").unwrap().get();
    let ours = Progress {
        answers: parse_prefill("services=aad_premium&aad_features=saas_app").unwrap(),
        ..Progress::default()
    };
    let theirs = Progress { answers: parse_prefill("services=aad_premium").unwrap(), ..Progress::default() };
    let row = |c: &Comparison, text: &str| c.rows.iter().find(|(t, _)| *t == text).map(|(_, d)| d.clone());
    let on_screen = |revision| Progress { revision, ..ours.clone() };
    let current = Comparison::new(&on_screen(Revision::CURRENT), &theirs);
    let in_scope_vs_waiting = Some("Yours: in scope; theirs: waiting for an answer".to_string());
    assert_eq!(row(&current, saas.text_in(Revision::CURRENT)), in_scope_vs_waiting);
    assert_eq!(row(&current, saas.text_in(Revision::EARLIER)), None);
    assert_ne!(saas.text_in(Revision::CURRENT), saas.text_in(Revision::EARLIER));
    let earlier = Comparison::new(&on_screen(Revision::EARLIER), &theirs);
    assert_eq!(row(&earlier, saas.text_in(Revision::EARLIER)), in_scope_vs_waiting);
    // An item only the earlier page has, in their earlier scope: worded as theirs words it.
    let adfs = ItemId::by_id("aad_cap.adfs").unwrap().get();
    assert!(!adfs.in_revision(Revision::CURRENT));
    let theirs_earlier = Progress { revision: Revision::EARLIER, ..theirs.clone() };
    let across = Comparison::new(&on_screen(Revision::CURRENT), &theirs_earlier);
    let not_vs_waiting = Some("Yours: not applicable; theirs: waiting for an answer".to_string());
    assert_eq!(row(&across, adfs.text_in(Revision::EARLIER)), not_vs_waiting);
    // The other differences in words.
    assert_eq!(Difference::OnlyOurs.words(), "Only in yours");
    assert_eq!(Difference::OnlyTheirs.words(), "Only in theirs");
    assert_eq!(Difference::Done { ours: true, theirs: false }.words(), "Done in yours only");
    assert_eq!(Difference::Done { ours: false, theirs: true }.words(), "Done in theirs only");
    let outcomes = Difference::Outcome { ours: Outcome::OutOfScope, theirs: Outcome::NotSupported };
    assert_eq!(outcomes.words(), "Yours: out of scope; theirs: not supported");
}

/// A comparison holds for the scope it was made with, whatever step is on screen, and no longer
/// once its answers, ticks or revision change.
#[test]
fn a_comparison_holds_until_the_scope_on_screen_changes() {
    let ours = Progress { answers: parse_prefill("services=intune&tenant=new").unwrap(), ..Progress::default() };
    let theirs = Progress { answers: parse_prefill("services=intune").unwrap(), ..Progress::default() };
    let comparison = Comparison::new(&ours, &theirs);
    assert!(!comparison.rows.is_empty());
    assert!(comparison.holds_for(&ours));
    assert!(comparison.holds_for(&Progress { step: "summary".into(), ..ours.clone() }));
    let mut answered = ours.clone();
    answered.answers.pick(q("directory"), 0);
    let mut ticked = ours.clone();
    ticked.done.insert(ItemId::at(0).unwrap());
    let other_revision = Progress { revision: Revision::EARLIER, ..ours.clone() };
    for changed in [answered, ticked, other_revision] {
        assert!(!comparison.holds_for(&changed), "{changed:?}");
    }
}

#[test]
fn progress_helpers() {
    assert!(Progress::default().is_blank());
    let answered = Progress { answers: parse_prefill("tenant=new").unwrap(), ..Progress::default() };
    assert!(!answered.is_blank());
    let ticked = Progress { done: items(&["general.remote_support"]), ..Progress::default() };
    assert!(!ticked.is_blank());
    let on_a_step = Progress { step: "aad".into(), revision: Revision::EARLIER, ..Progress::default() };
    assert!(on_a_step.is_blank());

    let a = parse_prefill("services=aad_premium&tenant=new&directory=cloud_only").unwrap();
    let p = Progress::from_prefill(a.clone(), Revision::EARLIER);
    assert_eq!(p, Progress { answers: a, step: "aad".into(), done: ItemSet::new(), revision: Revision::EARLIER });
    assert_eq!(Progress::from_prefill(Answers::new(), Revision::CURRENT).step, "services");
}

#[test]
fn answers_hold_bit_masks_per_question() {
    let (services, tenant, features) = (q("services"), q("tenant"), q("aad_features"));
    let mut a = Answers::new();
    assert!(!a.is_answered(services));
    assert_eq!(a.answered().count(), 0);
    a.set_bits(services, 0b101);
    assert_eq!(a.bits(services), 0b101);
    assert!(a.is_answered(services) && a.has(services, 0) && !a.has(services, 1) && a.has(services, 2));
    assert_eq!(a.values(services).collect::<Vec<_>>(), [0, 2]);
    assert_eq!(a.value_ids(services), ["aad_premium", "azure_rms"]);
    // Bits past the values are dropped; a one-answer question keeps its lowest bit.
    a.set_bits(services, 0b1111_1010);
    assert_eq!(a.bits(services), 0b010);
    a.set_bits(tenant, 0b11);
    assert_eq!(a.bits(tenant), 0b01);
    a.set_bits(tenant, 0b10);
    assert_eq!(a.bits(tenant), 0b10);
    a.set_bits(features, u32::MAX);
    assert_eq!(a.bits(features), (1 << 13) - 1);
    assert_eq!(a.values(features).count(), 13);
    // Picking replaces a one-answer question's value and toggles a many-answer question's.
    a.pick(tenant, 0);
    assert_eq!(a.bits(tenant), 0b01);
    a.pick(tenant, 0);
    assert_eq!(a.bits(tenant), 0b01);
    a.pick(tenant, 1);
    assert_eq!(a.bits(tenant), 0b10);
    a.pick(tenant, 0);
    assert_eq!(a.bits(tenant), 0b01);
    a.pick(services, 0);
    assert_eq!(a.bits(services), 0b011);
    a.pick(services, 1);
    assert_eq!(a.bits(services), 0b001);
    assert_eq!(a.answered().collect::<Vec<_>>(), [services, tenant, features]);
    a.clear(services);
    assert_eq!(a.bits(services), 0);
    assert_eq!(a.answered().collect::<Vec<_>>(), [tenant, features]);
}

#[test]
fn answers_are_set_by_ids_or_refused_with_a_reason() {
    let mut a = Answers::new();
    assert_eq!(a.set_by_ids("services", &["intune", "azure_rms"]), Ok(()));
    assert_eq!(a.bits(q("services")), 0b110);
    assert_eq!(a.set_by_ids("tenant", &["existing"]), Ok(()));
    assert_eq!(a.bits(q("tenant")), 0b10);
    assert_eq!(
        a.set_by_ids("colour", &["blue"]),
        Err("`colour` is not a question in this version of the wizard".into())
    );
    assert_eq!(
        a.set_by_ids("services", &["intune", "word"]),
        Err("`word` is not an answer to `services` in this version of the wizard".into())
    );
    assert_eq!(a.set_by_ids("tenant", &["new", "existing"]), Err("`tenant` takes one answer, not 2".into()));
    // The same value twice is one value.
    assert_eq!(a.set_by_ids("tenant", &["new", "new"]), Ok(()));
    assert_eq!(a.bits(q("tenant")), 0b01);
    // A refused answer leaves the question as it was.
    assert_eq!(a.bits(q("services")), 0b110);
    assert_eq!(a.set_by_ids("services", &[]), Ok(()));
    assert_eq!(a.bits(q("services")), 0);
    assert_eq!(a.set_by_joined_ids("services", " intune ,, aad_premium,"), Ok(()));
    assert_eq!(a.bits(q("services")), 0b011);
    assert_eq!(
        a.set_by_joined_ids("services", "intune,word"),
        Err("`word` is not an answer to `services` in this version of the wizard".into())
    );
    assert_eq!(a.set_by_joined_ids("services", ""), Ok(()));
    assert_eq!(a.bits(q("services")), 0);
}

#[test]
fn questions_apply_by_earlier_answers() {
    let a = Answers::new();
    assert_eq!(applies(&a, q("services")), Applies::Yes);
    assert_eq!(applies(&a, q("signin")), Applies::Unknown(vec![q("directory")]));
    let a = parse_prefill("directory=cloud_only&services=intune").unwrap();
    assert_eq!(applies(&a, q("signin")), Applies::No);
    assert_eq!(applies(&a, q("exchange_onprem")), Applies::Yes);
    assert_eq!(applies(&a, q("sharepoint_onprem")), Applies::No);
}

#[test]
fn the_item_set_holds_each_item_once_in_catalog_order() {
    let mut set = ItemSet::new();
    assert!(set.is_empty());
    assert_eq!(set.len(), 0);
    let item = |i| ItemId::at(i).unwrap();
    let last = item(ITEMS.len() - 1);
    for id in [item(40), item(0), last, item(31), item(32), item(33)] {
        assert!(set.insert(id), "{id:?}");
        assert!(set.contains(&id));
    }
    assert!(!set.insert(item(32)));
    assert_eq!(set.len(), 6);
    assert!(!set.is_empty());
    assert_eq!(set.iter().map(ItemId::index).collect::<Vec<_>>(), [0, 31, 32, 33, 40, last.index()]);
    assert!(!set.contains(&item(1)) && !set.contains(&item(34)) && !set.contains(&item(64)));
    assert!(set.remove(&item(32)));
    assert!(!set.remove(&item(32)));
    assert!(!set.contains(&item(32)) && set.contains(&item(31)) && set.contains(&item(33)));
    assert_eq!(set.len(), 5);
    assert_eq!(
        format!("{set:?}"),
        format!("{{ItemId(0), ItemId(31), ItemId(33), ItemId(40), ItemId({})}}", last.index())
    );
    let again: ItemSet = set.iter().collect();
    assert_eq!(again, set);
    set.clear();
    assert!(set.is_empty());
    assert_eq!(set, ItemSet::new());
    assert_eq!(
        serde_json::to_string(&items(&["general.remote_support", "rms.connector"])).unwrap(),
        r#"["general.remote_support","rms.connector"]"#
    );
}

#[test]
fn items_carry_both_revisions() {
    let item = |id: &str| ItemId::by_id(id).unwrap().get();
    let (rms, health, adfs, both) =
        (item("rms.connector"), item("aad_cap.connect_health"), item("aad_cap.adfs"), item("enable.dns"));
    // Which pages have each item (the bit of each revision its page lacks).
    let c = Some(Revision::CURRENT);
    assert_eq!((rms.dropped, health.dropped, adfs.dropped, both.dropped), (c, None, c, None));
    assert_eq!((rms.added, health.added, both.added), (Revision::EARLIER, Revision::CURRENT, Revision::EARLIER));
    let in_doc = |i: &scope::catalog::Item| (i.in_document(Revision::CURRENT), i.in_document(Revision::EARLIER));
    assert_eq!(in_doc(rms), (false, true));
    assert_eq!(rms.quoted_from(Revision::CURRENT), Some(Revision::EARLIER), "carried");
    assert_eq!(adfs.quoted_from(Revision::CURRENT), None, "dropped, not carried");
    let in_rev = |i: &scope::catalog::Item| (i.in_revision(Revision::CURRENT), i.in_revision(Revision::EARLIER));
    assert_eq!(in_rev(rms), (true, true), "carried into the current text");
    assert_eq!(in_rev(health), (true, false));
    assert_eq!(in_rev(adfs), (false, true));
    assert_eq!(in_rev(both), (true, true));
    // The document each wording is from.
    let (earlier, later) = (Document::earlier(), Document::later());
    assert_eq!((earlier.id, later.id), ("earlier", "later"));
    assert_eq!(later.date, "10/02/2016");
    assert_eq!(rms.source(Revision::CURRENT).id, "earlier");
    assert_eq!(both.source(Revision::CURRENT).id, "later");
    assert_eq!(both.source(Revision::EARLIER).id, "earlier");
    assert_eq!(health.source(Revision::CURRENT).id, "later");
    // Rewordings: of the text, of the condition only, or none.
    let (enroll, mam, dns) = (item("intune.mdm.enroll_devices"), item("intune.mam.policies"), both);
    assert!(enroll.reworded() && mam.reworded() && !dns.reworded());
    assert_ne!(enroll.text_in(Revision::EARLIER), enroll.text_in(Revision::CURRENT));
    assert_eq!(enroll.text_in(Revision::EARLIER), enroll.text, "text is the first page's wording");
    assert_eq!(enroll.condition_in(Revision::EARLIER), enroll.condition);
    assert_eq!(mam.text_in(Revision::EARLIER), mam.text);
    assert_eq!(mam.condition_in(Revision::EARLIER), mam.condition);
    assert!(mam.condition_in(Revision::EARLIER).unwrap().contains("if you are looking to complement"));
    assert_ne!(mam.condition_in(Revision::CURRENT), mam.condition);
    assert!(enroll.reworded_between(Revision::EARLIER, Revision::CURRENT));
    assert!(!dns.reworded_between(Revision::EARLIER, Revision::CURRENT));
    assert_eq!(dns.condition_in(Revision::EARLIER), None);
    assert_eq!(item("aad.multi_forest.connect_sync").phase(), Phase::Enable);
    assert_eq!(item("general.remote_support").phase(), Phase::General);
}

#[test]
fn phases_and_questions_by_id() {
    let ids: Vec<&str> = Phase::ALL.iter().map(|p| p.id()).collect();
    assert_eq!(ids, ["general", "initiate", "assess", "remediate", "enable"]);
    let titles: Vec<&str> = Phase::ALL.iter().map(|p| p.title()).collect();
    assert_eq!(titles, ["General", "Initiate", "Assess", "Remediate", "Enable"]);
    let services = q("services").get();
    assert_eq!(services.value_by_id("aad_premium"), Some(0));
    assert_eq!(services.value_by_id("azure_rms"), Some(2));
    assert_eq!(services.value_by_id("word"), None);
    assert_eq!(QuestionId::all().count(), QUESTIONS.len());
    assert_eq!(QuestionId::by_id("rms_workloads"), QuestionId::all().next_back());
    assert_eq!(QuestionId::by_id("rms_workloads").map(QuestionId::index), Some(QUESTIONS.len() - 1));
}

/// Ids (and revisions) come only from the catalog: `at` hands out one for each position of its
/// table and none past its end, and `index` gives that position back.
#[test]
fn catalog_ids_exist_only_for_the_catalogs_positions() {
    use scope::catalog::{SectionId, StepId, SECTIONS, STEPS};
    fn check<Id: Copy + PartialEq + std::fmt::Debug>(
        len: usize,
        all: impl Iterator<Item = Id>,
        at: fn(usize) -> Option<Id>,
        index: fn(Id) -> usize,
    ) {
        let all: Vec<Id> = all.collect();
        assert_eq!(all.len(), len);
        for (i, &id) in all.iter().enumerate() {
            assert_eq!((at(i), index(id)), (Some(id), i));
        }
        assert_eq!(at(len), None);
        assert_eq!(at(usize::MAX), None);
    }
    check(QUESTIONS.len(), QuestionId::all(), QuestionId::at, QuestionId::index);
    check(ITEMS.len(), ItemId::all(), ItemId::at, ItemId::index);
    check(SECTIONS.len(), SectionId::all(), SectionId::at, SectionId::index);
    check(STEPS.len(), StepId::all(), StepId::at, StepId::index);
    check(scope::catalog::REVISIONS.len(), Revision::all(), Revision::at, Revision::index);
}
