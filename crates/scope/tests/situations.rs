//! Customer situations, written from the source text: for each, the items that must be in scope,
//! out of scope, not supported, waiting, or absent.

use scope::answers::Answers;
use scope::catalog::{ItemId, QuestionId, Revision};
use scope::engine::{evaluate, Outcome, Warning};
use scope::link::parse_prefill;

fn answers(prefill: &str) -> Answers {
    parse_prefill(prefill).unwrap_or_else(|e| panic!("{prefill}: {e}"))
}

fn outcome(a: &Answers, revision: Revision, id: &str) -> Option<Outcome> {
    let item = ItemId::by_id(id).unwrap_or_else(|| panic!("no item {id}"));
    evaluate(a, revision).get(item).map(|s| s.outcome.clone())
}

fn q(id: &str) -> QuestionId {
    QuestionId::by_id(id).unwrap()
}

struct Situation {
    name: &'static str,
    answers: &'static str,
    in_scope: &'static [&'static str],
    out_of_scope: &'static [&'static str],
    not_supported: &'static [&'static str],
    absent: &'static [&'static str],
}

const SITUATIONS: &[Situation] = &[
    Situation {
        name: "new tenant, cloud only, Intune MDM with Intune as authority",
        answers: "services=intune&tenant=new&directory=cloud_only&exchange_onprem=no&mdm_authority=intune&intune_scope=mdm&third_party_mdm=no",
        in_scope: &["general.remote_support", "initiate.contact_new_tenant", "intune.licensing", "intune.mdm_authority",
            "intune.mdm_authority.intune", "intune.mdm.test_groups", "intune.mdm.policies", "intune.mdm.enroll_devices",
            "intune.mdm.inventory_reports", "enable.activate_tenant"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["enable.single_forest.sync_server", "enable.test_sso", "intune.mdm.exchange_connector",
            "intune.mdm_authority.configmgr", "intune.mam.policies", "intune.pc.client_software", "aad.activate_tenant", "rms.activate_tenant"],
    },
    Situation {
        name: "existing tenant: no contact for a new tenant",
        answers: "services=aad_premium&tenant=existing&directory=cloud_only&aad_features=mfa,sspr",
        in_scope: &["aad.activate_tenant", "aad_cap.mfa", "aad_cap.sspr", "initiate.begin_onboarding"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["initiate.contact_new_tenant", "aad_cap.pim", "aad.single_forest.sync", "intune.licensing"],
    },
    Situation {
        name: "single forest, password hash sync",
        answers: "services=aad_premium&tenant=new&directory=single_forest&signin=password_hash&custom_sync_rules=no&aad_features=connect_sync",
        in_scope: &["enable.single_forest.sync_server", "enable.single_forest.password_sync", "aad.single_forest.sync",
            "aad.single_forest.password_sync", "aad_cap.connect_sync"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["enable.adfs_single_forest", "aad.adfs_single_forest", "enable.test_sso", "aad.test_sso",
            "enable.single_forest.custom_rules_note", "aad.multi_forest.connect_sync"],
    },
    Situation {
        name: "single forest, federated identities: AD FS and the SSO test",
        answers: "services=aad_premium,intune&tenant=new&directory=single_forest&signin=federated&custom_sync_rules=no&exchange_onprem=no&aad_features=mfa&mdm_authority=intune&intune_scope=mdm&third_party_mdm=no",
        in_scope: &["enable.adfs_single_forest", "aad.adfs_single_forest", "enable.test_sso", "aad.test_sso"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["enable.adfs_multi_forest_note", "aad.adfs_multi_forest_note", "aad_cap.adfs"],
    },
    Situation {
        name: "several forests, federated: AD FS out of scope, other writeback not supported",
        answers: "services=aad_premium&tenant=existing&directory=multi_forest&signin=federated&custom_sync_rules=no",
        in_scope: &["aad.multi_forest.connect_sync", "aad.multi_forest.configure_sync", "aad.test_sso", "enable.test_sso"],
        out_of_scope: &["enable.adfs_multi_forest_note", "aad.adfs_multi_forest_note"],
        not_supported: &["aad.multi_forest.writeback_note"],
        absent: &["enable.single_forest.sync_server", "aad.single_forest.sync", "aad.adfs_single_forest",
            "enable.adfs_single_forest", "aad.multi_forest.custom_rules_note"],
    },
    Situation {
        name: "several forests, password hash, custom rules wanted",
        answers: "services=aad_premium&tenant=existing&directory=multi_forest&signin=password_hash&custom_sync_rules=yes",
        in_scope: &["aad.multi_forest.connect_sync"],
        out_of_scope: &["aad.multi_forest.custom_rules_note"],
        not_supported: &["aad.multi_forest.writeback_note"],
        absent: &["enable.adfs_multi_forest_note", "aad.adfs_multi_forest_note", "enable.single_forest.custom_rules_note", "aad.test_sso"],
    },
    Situation {
        name: "single forest, custom rules wanted",
        answers: "services=intune&tenant=new&directory=single_forest&signin=password_hash&custom_sync_rules=yes",
        in_scope: &["enable.single_forest.password_sync"],
        out_of_scope: &["enable.single_forest.custom_rules_note"],
        not_supported: &[],
        absent: &["aad.multi_forest.custom_rules_note", "aad.single_forest.sync"],
    },
    Situation {
        name: "Intune MDM with Exchange on premises: the Exchange Connector, when applicable",
        answers: "services=intune&tenant=existing&directory=cloud_only&exchange_onprem=yes&mdm_authority=configmgr&intune_scope=mdm&third_party_mdm=no",
        in_scope: &["intune.mdm.exchange_connector", "intune.mdm_authority.configmgr"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["intune.mdm_authority.intune", "intune.mdm_authority.mam_only_note"],
    },
    Situation {
        name: "MAM only, no MDM authority",
        answers: "services=intune&tenant=new&directory=cloud_only&exchange_onprem=no&mdm_authority=none&intune_scope=mam&third_party_mdm=no",
        in_scope: &["intune.mdm_authority.mam_only_note", "intune.mam.policies", "intune.mam.conditional_access",
            "intune.mam.target_groups", "intune.mam.usage_reports"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["intune.mdm_authority", "intune.mdm.test_groups", "intune.mdm.enroll_devices", "intune.pc.reports"],
    },
    Situation {
        name: "complementing a third-party MDM with MAM, plus PC management",
        answers: "services=intune&tenant=existing&directory=cloud_only&exchange_onprem=no&mdm_authority=none&intune_scope=pc&third_party_mdm=yes",
        in_scope: &["intune.mam.policies", "intune.pc.client_software", "intune.pc.reports"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["intune.mdm.policies"],
    },
    Situation {
        name: "Rights Management on premises: the RMS Connector",
        answers: "services=azure_rms&tenant=existing&directory=single_forest&signin=password_hash&custom_sync_rules=no&exchange_onprem=yes&sharepoint_onprem=yes&rms_workloads=exchange_onprem,sharepoint_onprem",
        in_scope: &["rms.activate_tenant", "rms.super_user", "rms.connector", "rms.connector.exchange",
            "rms.connector.mail_flow_rule", "rms.connector.sharepoint"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["rms.online", "rms.online.exchange", "rms.sharing_app"],
    },
    Situation {
        name: "Rights Management for Exchange Online and devices",
        answers: "services=azure_rms&tenant=new&directory=cloud_only&exchange_onprem=no&sharepoint_onprem=no&rms_workloads=exchange_online,sharing_app",
        in_scope: &["rms.online", "rms.online.exchange", "rms.online.mail_flow_rule", "rms.sharing_app", "rms.pilot_users"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["rms.online.sharepoint", "rms.connector", "rms.connector.exchange"],
    },
    Situation {
        name: "Exchange on premises without RMS protecting it: no RMS Connector",
        answers: "services=azure_rms,intune&tenant=new&directory=cloud_only&exchange_onprem=yes&sharepoint_onprem=no&rms_workloads=sharepoint_online",
        in_scope: &["rms.online", "rms.online.sharepoint"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["rms.connector", "rms.online.exchange"],
    },
    Situation {
        name: "every Azure AD Premium capability of the later page",
        answers: "services=aad_premium&tenant=new&directory=single_forest&signin=password_hash&custom_sync_rules=no&aad_features=user_provisioning,connect_sync,sspr,mfa,saas_app,logon_screen,groups,app_proxy,connect_health,identity_protection,pim,reports,notifications",
        in_scope: &["aad_cap.user_provisioning", "aad_cap.connect_sync", "aad_cap.sspr", "aad_cap.mfa", "aad_cap.saas_app",
            "aad_cap.logon_screen", "aad_cap.groups", "aad_cap.app_proxy", "aad_cap.connect_health",
            "aad_cap.identity_protection", "aad_cap.pim", "aad_cap.reports", "aad_cap.notifications"],
        out_of_scope: &[],
        not_supported: &[],
        absent: &["aad_cap.adfs"],
    },
];

#[test]
fn situations_from_the_source() {
    for s in SITUATIONS {
        let a = answers(s.answers);
        let check = |ids: &[&str], want: Option<Outcome>| {
            for id in ids {
                let got = outcome(&a, Revision::CURRENT, id);
                let got = if got == Some(Outcome::NotApplicable) { None } else { got };
                assert_eq!(got, want, "{}: item {id}", s.name);
            }
        };
        check(s.in_scope, Some(Outcome::InScope));
        check(s.out_of_scope, Some(Outcome::OutOfScope));
        check(s.not_supported, Some(Outcome::NotSupported));
        check(s.absent, None);
        let scope = evaluate(&a, Revision::CURRENT);
        assert!(scope.warnings.is_empty(), "{}: unexpected warnings {:?}", s.name, scope.warnings);
    }
}

#[test]
fn nothing_is_guessed_before_an_answer() {
    let a = Answers::new();
    assert_eq!(outcome(&a, Revision::CURRENT, "general.remote_support"), Some(Outcome::InScope));
    assert_eq!(
        outcome(&a, Revision::CURRENT, "initiate.contact_new_tenant"),
        Some(Outcome::Waiting(vec![q("tenant")]))
    );
    assert_eq!(outcome(&a, Revision::CURRENT, "aad.activate_tenant"), Some(Outcome::Waiting(vec![q("services")])));
    // The SSO test hangs on the sign-in model, which is asked only once accounts are known.
    assert_eq!(
        outcome(&a, Revision::CURRENT, "enable.test_sso"),
        Some(Outcome::Waiting(vec![q("directory"), q("signin")]))
    );
    // Half answered: the forest is known, the sign-in model not yet.
    let a = answers("directory=single_forest");
    assert_eq!(outcome(&a, Revision::CURRENT, "enable.adfs_single_forest"), Some(Outcome::Waiting(vec![q("signin")])));
    assert_eq!(outcome(&a, Revision::CURRENT, "enable.single_forest.sync_server"), Some(Outcome::InScope));
}

#[test]
fn reasons_name_the_answers_that_brought_an_item_in() {
    let a = answers("services=aad_premium&directory=multi_forest&signin=federated");
    let scope = evaluate(&a, Revision::CURRENT);
    let note = scope.get(ItemId::by_id("aad.adfs_multi_forest_note").unwrap()).unwrap();
    let said: Vec<String> = note.reasons.iter().map(|r| r.describe()).collect();
    assert_eq!(
        said,
        [
            "Services: Azure Active Directory Premium",
            "Accounts: Several on-premises Active Directory forests",
            "Sign-in: Federated identities (AD FS, single sign-on)",
        ]
    );
    let always = scope.get(ItemId::by_id("general.remote_support").unwrap()).unwrap();
    assert!(always.reasons.is_empty());
    // The or-clause names the branch that held.
    let a = answers("services=intune&intune_scope=pc&third_party_mdm=yes");
    let scope = evaluate(&a, Revision::CURRENT);
    let mam = scope.get(ItemId::by_id("intune.mam.policies").unwrap()).unwrap();
    assert!(mam.reasons.iter().any(|r| r.question == q("third_party_mdm")));
}

#[test]
fn why_names_the_answers_so_far_and_what_the_item_still_waits_for() {
    let why = |prefill: &str, id: &str| {
        let scope = evaluate(&answers(prefill), Revision::CURRENT);
        scope.get(ItemId::by_id(id).unwrap()).unwrap().why()
    };
    // Nothing answered: the item waits for the tenant, and is not "part of every onboarding".
    assert_eq!(why("", "initiate.contact_new_tenant"), "Waiting for: Tenant.");
    // Half answered: the answer it depends on so far is named, and what it still waits for.
    assert_eq!(
        why("services=intune", "intune.mdm_authority"),
        "Because of your answers: Services: Microsoft Intune; waiting for: MDM authority."
    );
    let scope = evaluate(&answers("services=intune"), Revision::CURRENT);
    let authority = scope.get(ItemId::by_id("intune.mdm_authority").unwrap()).unwrap();
    assert_eq!(authority.outcome, Outcome::Waiting(vec![q("mdm_authority")]));
    assert_eq!(authority.reasons.iter().map(|r| r.question).collect::<Vec<_>>(), [q("services")]);
    // Answered: only the answers.
    assert_eq!(
        why("services=intune&mdm_authority=intune", "intune.mdm_authority"),
        "Because of your answers: Services: Microsoft Intune; MDM authority: Microsoft Intune."
    );
    // Only an item with no condition at all is part of every onboarding.
    assert_eq!(why("", "general.remote_support"), "Part of every onboarding.");
    assert_eq!(why("tenant=new", "initiate.contact_new_tenant"), "Because of your answers: Tenant: A new tenant.");
}

#[test]
fn answers_that_no_longer_apply_are_kept_but_ignored_with_a_warning() {
    // MAM picked, then Intune dropped from the services.
    let a = answers("services=aad_premium&intune_scope=mam");
    let scope = evaluate(&a, Revision::CURRENT);
    assert!(scope.warnings.contains(&Warning::Ignored { question: q("intune_scope") }));
    assert_eq!(outcome(&a, Revision::CURRENT, "intune.mam.policies"), Some(Outcome::NotApplicable));
    assert_eq!(a.value_ids(q("intune_scope")), ["mam"], "the answer is kept");
    let msg = scope.warnings[0].message(&a);
    assert!(msg.contains("Intune scope: Mobile apps (MAM)") && msg.contains("Microsoft Intune"), "{msg}");

    // Federated sign-in left over after switching to cloud-only accounts.
    let a = answers("directory=cloud_only&signin=federated");
    let scope = evaluate(&a, Revision::CURRENT);
    assert_eq!(scope.warnings, vec![Warning::Ignored { question: q("signin") }]);
    assert_eq!(outcome(&a, Revision::CURRENT, "enable.test_sso"), Some(Outcome::NotApplicable));
}

#[test]
fn contradictions_are_caught_and_name_the_answers() {
    let cases = [
        (
            "services=intune&mdm_authority=none&intune_scope=mdm",
            "mam_only_with_mdm",
            vec!["mdm_authority", "intune_scope"],
        ),
        (
            "services=intune&mdm_authority=intune&third_party_mdm=yes",
            "intune_authority_with_third_party",
            vec!["mdm_authority", "third_party_mdm"],
        ),
        (
            "services=aad_premium&directory=cloud_only&aad_features=connect_sync",
            "connect_sync_cloud_only",
            vec!["aad_features", "directory"],
        ),
        (
            "services=azure_rms&exchange_onprem=no&rms_workloads=exchange_onprem",
            "rms_exchange_onprem_missing",
            vec!["rms_workloads", "exchange_onprem"],
        ),
        (
            "services=azure_rms&sharepoint_onprem=no&rms_workloads=sharepoint_onprem",
            "rms_sharepoint_onprem_missing",
            vec!["rms_workloads", "sharepoint_onprem"],
        ),
    ];
    for (prefill, id, questions) in cases {
        let a = answers(prefill);
        let scope = evaluate(&a, Revision::CURRENT);
        let found = scope.warnings.iter().find(|w| matches!(w, Warning::Conflict { conflict, .. } if *conflict == id));
        let w = found.unwrap_or_else(|| panic!("{prefill}: no {id} in {:?}", scope.warnings));
        let named: Vec<&str> = w.questions().iter().map(|q| q.get().id).collect();
        assert_eq!(named, questions, "{prefill}");
    }
    // The connector does not come in on a contradiction.
    let a = answers("services=azure_rms&exchange_onprem=no&sharepoint_onprem=no&rms_workloads=exchange_onprem");
    assert_eq!(outcome(&a, Revision::CURRENT, "rms.connector"), Some(Outcome::NotApplicable));
}

#[test]
fn revisions_keep_both_wordings() {
    let a = answers("services=intune,aad_premium,azure_rms&directory=single_forest&signin=federated&intune_scope=mdm&aad_features=connect_health,saas_app");
    let current = evaluate(&a, Revision::CURRENT);
    let earlier = evaluate(&a, Revision::EARLIER);
    let enroll = ItemId::by_id("intune.mdm.enroll_devices").unwrap();
    assert!(enroll.get().text_in(Revision::CURRENT).starts_with("Enrolling devices"));
    assert!(enroll.get().text_in(Revision::EARLIER).starts_with("Enrolling up to two test devices"));
    let saas = ItemId::by_id("aad_cap.saas_app").unwrap().get();
    assert!(saas.text_in(Revision::CURRENT).contains("Marketplace"));
    assert!(saas.text_in(Revision::EARLIER).starts_with("One integrated application"));
    // Items new in the later page are not in the earlier one, and the reverse.
    let health = ItemId::by_id("aad_cap.connect_health").unwrap();
    let adfs = ItemId::by_id("aad_cap.adfs").unwrap();
    assert_eq!(current.get(health).unwrap().outcome, Outcome::InScope);
    assert!(earlier.get(health).is_none());
    assert!(current.get(adfs).is_none());
    assert_eq!(earlier.get(adfs).unwrap().outcome, Outcome::InScope);
    // The RMS section, earlier only, is carried into the current text.
    let rms = ItemId::by_id("rms.activate_tenant").unwrap();
    assert_eq!(current.get(rms).unwrap().outcome, Outcome::InScope);
    assert_eq!(rms.get().source(Revision::CURRENT).file, "000_70fb7c6a69ffa0f0.txt");
    assert_eq!(enroll.get().source(Revision::CURRENT).file, "001_06cfb5ea52683897.txt");
    // The earlier capability list is the shorter one.
    assert!(earlier.items.len() < current.items.len());
}

#[test]
fn sso_test_only_where_sso_is_deployed() {
    for (prefill, want) in [
        ("directory=single_forest&signin=federated", Outcome::InScope),
        ("directory=multi_forest&signin=federated", Outcome::InScope),
        ("directory=single_forest&signin=password_hash", Outcome::NotApplicable),
        ("directory=cloud_only", Outcome::NotApplicable),
    ] {
        assert_eq!(outcome(&answers(prefill), Revision::CURRENT, "enable.test_sso"), Some(want), "{prefill}");
    }
}

#[test]
fn every_situation_round_trips_through_export_link_and_prefill() {
    use scope::{export, import, link, Progress};
    for s in SITUATIONS {
        let a = answers(s.answers);
        let scope = evaluate(&a, Revision::CURRENT);
        let done = scope.items.iter().filter(|i| i.outcome == Outcome::InScope).step_by(3).map(|i| i.item).collect();
        let p = Progress { answers: a.clone(), step: "summary".into(), done, revision: Revision::CURRENT };

        let back = import::read_export(&export::to_json(&p, "2026-11-23")).unwrap();
        assert_eq!((&back.answers, &back.done), (&p.answers, &p.done), "{}: JSON export", s.name);

        let fragment = link::encode_share(&p, true);
        assert!(fragment.len() < 100, "{}: share link of {} characters", s.name, fragment.len());
        match link::parse_fragment(&fragment) {
            Ok(link::Fragment::Shared(back)) => {
                assert_eq!((&back.answers, &back.done), (&p.answers, &p.done), "{}", s.name)
            }
            other => panic!("{}: {other:?}", s.name),
        }
        assert_eq!(link::parse_prefill(&link::prefill_string(&a)).unwrap(), a, "{}: prefill", s.name);

        let md = export::to_markdown(&p, "2026-11-23");
        assert!(md.starts_with("# EMS onboarding scope, 2026-11-23"), "{}", s.name);
        assert!(md.contains("- [x] ") && md.contains("- [ ] "), "{}: checklist", s.name);
    }
}

#[test]
fn a_full_share_link_stays_short() {
    use scope::{link, Progress};
    let a = answers("services=aad_premium,intune,azure_rms&tenant=new&directory=multi_forest&signin=federated&custom_sync_rules=yes&exchange_onprem=yes&sharepoint_onprem=yes&aad_features=user_provisioning,connect_sync,sspr,mfa,saas_app,logon_screen,groups,app_proxy,connect_health,identity_protection,pim,reports,notifications&mdm_authority=configmgr&intune_scope=mdm,mam,pc&third_party_mdm=no&rms_workloads=exchange_online,sharepoint_online,exchange_onprem,sharepoint_onprem,sharing_app");
    let every = scope::catalog::ItemId::all().collect();
    let p = Progress { answers: a, step: "summary".into(), done: every, revision: Revision::CURRENT };
    let fragment = link::encode_share(&p, true);
    assert!(fragment.len() < 80, "{} characters: {fragment}", fragment.len());
}

#[test]
fn broken_inputs_say_what_is_wrong() {
    use scope::{import, link, Progress};
    let err = |r: Result<link::Fragment, link::LinkError>| r.unwrap_err().to_string();
    assert!(err(link::parse_fragment("s1.AAAA")).contains("damaged"));
    assert!(err(link::parse_fragment("s7.AAAA")).contains("newer version"));
    assert!(err(link::parse_fragment("services=intune,word")).contains("`word` is not an answer to `services`"));
    assert!(err(link::parse_fragment("colour=blue")).contains("`colour` is not a question in this version"));
    assert!(err(link::parse_fragment("tenant=new,existing")).contains("takes one answer"));
    let e = import::read_export(r#"{"schema":"ems-onboarding-scope","version":2}"#).unwrap_err().to_string();
    assert!(e.contains("newer version"), "{e}");
    let e = import::read_export(r#"{"schema":"something-else"}"#).unwrap_err().to_string();
    assert!(e.contains("not a scope saved by this wizard"), "{e}");
    let e = import::read_export(
        r#"{"schema":"ems-onboarding-scope","version":1,"answers":{},"items":[{"id":"made.up","done":true}]}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("made.up"), "{e}");
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(300_000));
    assert!(import::read_export(&big).unwrap_err().to_string().contains("bytes"));
    assert!(matches!(Progress::from_json(r#"{"format":99}"#), Err(scope::progress::ReadError::Newer(99))));
    // Format 1 is migrated.
    let old =
        Progress::from_json(r#"{"version":1,"answers":{"services":"intune,aad_premium","tenant":"new"},"step":1}"#)
            .unwrap();
    assert_eq!(old.answers, answers("services=intune,aad_premium&tenant=new"));
    assert_eq!(old.step, "environment");
    // from_saved says which records were migrated.
    assert!(matches!(
        Progress::from_saved(r#"{"version":1,"answers":{},"step":0}"#),
        Ok(scope::progress::Saved { migrated: true, .. })
    ));
    assert!(matches!(
        Progress::from_saved(&Progress::default().to_json()),
        Ok(scope::progress::Saved { migrated: false, .. })
    ));
}

/// A version-1 share link made on 2026-11-23. If this fails, the catalog's questions, values or
/// items were reordered: old links would open the wrong scope. Append instead, or add link v2.
#[test]
fn an_old_share_link_still_opens_the_same_scope() {
    use scope::link;
    const LINK_V1: &str = include_str!("link_v1.txt");
    let Ok(link::Fragment::Shared(p)) = link::parse_fragment(LINK_V1.trim()) else { panic!("link v1 no longer opens") };
    assert_eq!(p.answers, answers("services=intune,azure_rms&tenant=new&directory=single_forest&signin=federated&exchange_onprem=yes&intune_scope=mdm,mam&rms_workloads=exchange_onprem"));
    let done: Vec<&str> = p.done.iter().map(|d| d.get().id).collect();
    assert_eq!(done, ["general.remote_support", "intune.mdm.exchange_connector", "rms.connector.exchange"]);
}

#[test]
fn one_bad_answer_in_a_saved_record_loses_only_itself() {
    let p = scope::Progress::from_json(r#"{"format":2,"answers":{"services":["intune"],"directory":["single_forest"],"tenant":"new","colour":["blue"]},"step":"","done":[]}"#).unwrap();
    assert_eq!(p.answers, answers("services=intune&directory=single_forest"));
}

/// With the two revisions of the page: the source line a customer reads names the revision in
/// words, no file; the printed page and the Markdown export say which revision the view quotes.
#[test]
#[cfg(not(feature = "third-revision"))]
fn the_source_line_names_the_revision_in_words() {
    let item = |id: &str| ItemId::by_id(id).unwrap().get();
    let adfs = item("enable.adfs_single_forest");
    assert_eq!(
        adfs.source_line(Revision::CURRENT),
        "Microsoft responsibilities (Enterprise Mobility + Security), the current revision (10/02/2016), section \u{201c}Enable phase\u{201d}"
    );
    // A carried Azure RMS line in the current view, and any line in the earlier view.
    for (id, revision) in [("rms.connector", Revision::CURRENT), ("enable.adfs_single_forest", Revision::EARLIER)] {
        let line = item(id).source_line(revision);
        assert!(line.starts_with("FastTrack Center Benefit Process for Enterprise Mobility Suite - Microsoft's responsibilities, the earlier revision, section \u{201c}"), "{line}");
        assert!(!line.contains(".txt") && !line.contains("undated"), "{line}");
    }
    assert_eq!(
        Revision::EARLIER.quoted_page(),
        "the earlier revision of Microsoft's page on its responsibilities during FastTrack onboarding (\"FastTrack Center Benefit Process for Enterprise Mobility Suite - Microsoft's responsibilities\")"
    );
    assert_eq!(
        Revision::CURRENT.quoted_page(),
        "Microsoft's page on its responsibilities during FastTrack onboarding, revision of 10/02/2016; the Azure Rights Management section from the earlier revision"
    );
}
