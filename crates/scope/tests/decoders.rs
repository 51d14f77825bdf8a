//! What the decoders of outside text say, exactly: the kind of rejection for each way a saved
//! record, an export or a link can be wrong, and what they keep of an odd saved record.

use scope::catalog::{ItemId, Revision};
use scope::link::parse_prefill;
use scope::progress::{ReadError, Saved, MAX_BYTES};
use scope::{import, Progress};

fn not_ours(r: Result<Progress, ReadError>) -> String {
    match r {
        Err(ReadError::NotOurs(why)) => why,
        other => panic!("expected NotOurs, got {other:?}"),
    }
}

fn unknown(r: Result<Progress, ReadError>) -> String {
    match r {
        Err(ReadError::Unknown(what)) => what,
        other => panic!("expected Unknown, got {other:?}"),
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for depth in [129, 1000, MAX_BYTES / 2 - 20] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let deep = open.repeat(depth) + "1" + &close.repeat(depth);
            let nested = format!("{{\"format\":2,\"answers\":{deep}}}");
            for text in [&deep, &nested] {
                if text.len() > MAX_BYTES {
                    continue;
                }
                let why = not_ours(Progress::from_json(text));
                assert!(why.starts_with("not JSON: recursion limit exceeded"), "{depth}: {why}");
                not_ours(import::read_export(text));
            }
        }
    }
    // Nesting within the limit is read.
    let nested = format!("{{\"format\":2,\"pad\":{}1{}}}", "[".repeat(100), "]".repeat(100));
    assert_eq!(Progress::from_json(&nested), Ok(unnamed()));
}

/// An empty record that names no revision (or one this build does not know): the current
/// revision, which is not the default (the newest) in a build with the made-up third revision.
fn unnamed() -> Progress {
    Progress { revision: Revision::CURRENT, ..Progress::default() }
}

fn saved(text: &str) -> Result<Progress, ReadError> {
    Progress::from_json(text)
}

#[test]
fn a_saved_record_that_is_not_ours_says_why() {
    assert!(not_ours(saved("{")).starts_with("not JSON: "));
    assert!(not_ours(saved("")).starts_with("not JSON: "));
    for text in ["[]", "1", "\"x\"", "null", "[{\"format\":2}]"] {
        assert_eq!(not_ours(saved(text)), "not a JSON object", "{text}");
    }
    for text in [
        "{}",
        r#"{"format":"2"}"#,
        r#"{"format":2.0}"#,
        r#"{"format":1}"#,
        r#"{"format":1,"version":1}"#,
        r#"{"format":0}"#,
        r#"{"format":-3}"#,
        r#"{"version":2}"#,
        r#"{"version":0}"#,
        r#"{"version":"1"}"#,
    ] {
        assert_eq!(not_ours(saved(text)), "no format number", "{text}");
    }
    assert_eq!(saved(r#"{"format":3}"#), Err(ReadError::Newer(3)));
    assert_eq!(saved(r#"{"format":3,"version":1}"#), Err(ReadError::Newer(3)));
    assert_eq!(saved(r#"{"format":18446744073709551615}"#), Err(ReadError::Newer(u64::MAX)));
}

#[test]
fn the_size_cap_is_checked_before_reading() {
    let record = Progress::default().to_json();
    let padded = |n: usize| format!("{record}{}", " ".repeat(n - record.len()));
    assert_eq!(saved(&padded(MAX_BYTES)), Ok(Progress::default()));
    assert_eq!(saved(&padded(MAX_BYTES + 1)), Err(ReadError::TooLarge(MAX_BYTES + 1)));
    // Not even read: the text over the cap is not JSON at all.
    let junk = "x".repeat(MAX_BYTES + 7);
    assert_eq!(saved(&junk), Err(ReadError::TooLarge(MAX_BYTES + 7)));
    assert_eq!(import::read_export(&junk), Err(ReadError::TooLarge(MAX_BYTES + 7)));
}

const ODD_FIELDS: &str = r#"{"format":2,"answers":{"services":["intune","made_up"],"tenant":"new","colour":["blue"],"signin":[1],
        "mdm_authority":["intune","none"],"directory":["single_forest"],"intune_scope":["pc"]},
        "step":"nowhere","done":["general.remote_support",5,"made.up",null],"revision":"later"}"#;

#[test]
fn odd_fields_of_a_saved_record_cost_only_themselves() {
    let p = saved(ODD_FIELDS).unwrap();
    // The shapes are named for the person; unknown ids (a catalog change) are dropped quietly.
    let skipped = Progress::from_saved(ODD_FIELDS).unwrap().skipped;
    assert_eq!(skipped, ["your answer to Sign-in", "your answer to Tenant", "some of your done ticks"]);
    assert_eq!(p.answers, parse_prefill("directory=single_forest&intune_scope=pc").unwrap());
    assert_eq!(p.step, "");
    assert_eq!(p.done.iter().map(|d| d.get().id).collect::<Vec<_>>(), ["general.remote_support"]);
    assert_eq!(p.revision, Revision::CURRENT);
    // Fields of the wrong shape read as missing.
    let wrong = Progress::from_saved(r#"{"format":2,"answers":["services"],"step":2,"done":{"a":1},"revision":1}"#);
    let wrong = wrong.unwrap();
    assert_eq!(wrong.progress, unnamed());
    assert_eq!(wrong.skipped, ["your answers", "your done ticks"]);
    // Every step id and the summary are kept.
    for step in ["services", "environment", "aad", "intune", "rms", "summary"] {
        assert_eq!(saved(&format!(r#"{{"format":2,"step":"{step}"}}"#)).unwrap().step, step);
    }
    assert_eq!(saved(r#"{"format":2,"revision":"earlier"}"#).unwrap().revision, Revision::EARLIER);
    assert_eq!(saved(r#"{"format":2,"revision":"current"}"#).unwrap().revision, Revision::CURRENT);
}

#[test]
fn of_duplicate_keys_the_last_wins() {
    let p = saved(
        r#"{"format":3,"format":2,"step":"aad","step":"rms","answers":{"tenant":["new"],"tenant":["existing"]}}"#,
    );
    let p = p.unwrap();
    assert_eq!((p.step.as_str(), p.answers), ("rms", parse_prefill("tenant=existing").unwrap()));
    assert_eq!(saved(r#"{"format":2,"format":3}"#), Err(ReadError::Newer(3)));
}

#[test]
fn a_format_1_record_is_migrated_leniently() {
    let Saved { progress: p, migrated, skipped } = Progress::from_saved(
        r#"{"version":1,"answers":{"services":" intune, aad_premium ,","tenant":["new"],"colour":"blue","directory":"single_forest,multi_forest"},"step":4,"done":["general.remote_support"],"revision":"earlier"}"#,
    )
    .unwrap();
    assert!(migrated);
    assert_eq!(skipped, ["your answer to Tenant"]);
    // Format 1 had no ticks nor revision: they are not read.
    let want =
        Progress { answers: parse_prefill("services=intune,aad_premium").unwrap(), step: "rms".into(), ..unnamed() };
    assert_eq!(p, want);
    for (step, want) in [("0", "services"), ("1", "environment"), ("5", ""), ("-1", ""), ("1.5", ""), ("\"aad\"", "")] {
        let p = saved(&format!(r#"{{"version":1,"answers":{{}},"step":{step}}}"#)).unwrap();
        assert_eq!(p.step, want, "{step}");
    }
    assert_eq!(saved(r#"{"version":1}"#), Ok(unnamed()));
}

fn import(text: &str) -> Result<Progress, ReadError> {
    import::read_export(text)
}

/// An export with the given members after the schema and version.
fn an_export(rest: &str) -> String {
    format!(r#"{{"schema":"ems-onboarding-scope","version":1{rest}}}"#)
}

#[test]
fn an_import_that_is_not_ours_says_why() {
    assert!(not_ours(import("{\"schema\":")).starts_with("not JSON: "));
    assert_eq!(not_ours(import("[1]")), "not a JSON object");
    for text in [r#"{}"#, r#"{"schema":"something-else","version":1}"#, r#"{"schema":["ems-onboarding-scope"]}"#] {
        assert_eq!(not_ours(import(text)), r#"its schema is not "ems-onboarding-scope""#, "{text}");
    }
    for version in ["", r#","version":0"#, r#","version":"1""#, r#","version":1.5"#, r#","version":-1"#] {
        let text = format!(r#"{{"schema":"ems-onboarding-scope"{version},"answers":{{}},"items":[]}}"#);
        assert_eq!(not_ours(import(&text)), "its version is missing or unknown", "{text}");
    }
    let newer = r#"{"schema":"ems-onboarding-scope","version":2,"answers":{},"items":[]}"#;
    assert_eq!(import(newer), Err(ReadError::Newer(2)));
    assert_eq!(not_ours(import(&an_export(r#","items":[]"#))), "it has no answers");
    assert_eq!(not_ours(import(&an_export(r#","answers":{}"#))), "it has no items");
    for rest in [
        r#","answers":[],"items":[]"#,
        r#","answers":{},"items":{}"#,
        r#","answers":{},"items":[1]"#,
        r#","answers":{},"items":[{"done":true}]"#,
        r#","answers":{},"items":[{"id":7}]"#,
        r#","answers":{},"items":[{"id":"general.remote_support","done":"yes"}]"#,
        r#","answers":{},"items":[],"revision":1"#,
    ] {
        let why = not_ours(import(&an_export(rest)));
        assert!(why.starts_with("not laid out as ours: "), "{rest}: {why}");
    }
    let answer = |a: &str| import(&an_export(&format!(r#","answers":{{{a}}},"items":[]"#)));
    assert_eq!(not_ours(answer(r#""tenant":"new""#)), "answer `tenant` is not a list");
    assert_eq!(not_ours(answer(r#""tenant":["new",1]"#)), "answer `tenant` holds something other than text");
}

#[test]
fn an_import_that_names_what_we_do_not_know_says_which() {
    let answer = |a: &str| import(&an_export(&format!(r#","answers":{{{a}}},"items":[]"#)));
    assert_eq!(unknown(answer(r#""colour":["blue"]"#)), "`colour` is not a question in this version of the wizard");
    assert_eq!(
        unknown(answer(r#""services":["intune","word"]"#)),
        "`word` is not an answer to `services` in this version of the wizard"
    );
    assert_eq!(unknown(answer(r#""tenant":["new","existing"]"#)), "`tenant` takes one answer, not 2");
    let items = r#","answers":{},"items":[{"id":"general.remote_support"},{"id":"made.up","done":false}]"#;
    assert_eq!(unknown(import(&an_export(items))), "the guidance item `made.up` is not in this version of the wizard");
    let revision = r#","answers":{},"items":[],"revision":"later""#;
    assert_eq!(unknown(import(&an_export(revision))), "the revision `later` is not in this version of the wizard");
}

#[test]
fn an_import_reads_answers_ticks_and_revision() {
    let text = an_export(
        r#","answers":{"services":["intune"],"tenant":["new"]},"revision":"earlier","items":[
        {"id":"general.remote_support","done":true},{"id":"intune.licensing","done":false},{"id":"aad_cap.mfa"},
        {"id":"rms.connector","done":true,"status":"whatever","extra":[1,2]}]"#,
    );
    let p = import(&text).unwrap();
    assert_eq!(p.answers, parse_prefill("services=intune&tenant=new").unwrap());
    let done: Vec<ItemId> = p.done.iter().collect();
    assert_eq!(done, [ItemId::by_id("general.remote_support").unwrap(), ItemId::by_id("rms.connector").unwrap()]);
    assert_eq!((p.step.as_str(), p.revision), ("summary", Revision::EARLIER));
    let p = import(&an_export(r#","answers":{},"items":[],"revision":"current""#)).unwrap();
    assert_eq!(p, Progress { step: "summary".into(), ..unnamed() });
}

#[test]
fn read_errors_say_what_is_wrong() {
    let say = |e: ReadError| e.to_string();
    assert_eq!(
        say(ReadError::NotOurs("no format number".into())),
        "this is not a scope saved by this wizard (no format number)"
    );
    assert_eq!(
        say(ReadError::Newer(3)),
        "it was written by a newer version of the wizard (format 3); update the page and try again"
    );
    assert_eq!(
        say(ReadError::Unknown("the revision `x` is not in this version of the wizard".into())),
        "the revision `x` is not in this version of the wizard"
    );
    assert_eq!(say(ReadError::TooLarge(300000)), "it is 300000 bytes, far more than a scope can be");
}

mod links {
    use scope::link::{encode_share, parse_fragment, parse_prefill, prefill_string, Fragment, LinkError};

    fn prefill(text: &str) -> Fragment {
        Fragment::Prefill(parse_prefill(text).unwrap())
    }

    #[test]
    fn a_fragment_is_empty_a_share_link_or_a_prefill() {
        assert_eq!(parse_fragment(""), Ok(Fragment::Empty));
        assert_eq!(parse_fragment("#"), Ok(Fragment::Empty));
        assert_eq!(parse_fragment("#services=intune"), Ok(prefill("services=intune")));
        assert_eq!(parse_fragment("services=intune"), Ok(prefill("services=intune")));
    }

    #[test]
    fn the_length_cap_counts_the_fragment_without_its_hash() {
        let at_cap = format!("services=intune{}", "&".repeat(4096 - 15));
        assert_eq!(parse_fragment(&at_cap), Ok(prefill("services=intune")));
        assert_eq!(parse_fragment(&format!("#{at_cap}")), Ok(prefill("services=intune")));
        assert_eq!(parse_fragment(&format!("{at_cap}&")), Err(LinkError::TooLong(4097)));
    }

    #[test]
    fn link_versions_other_than_1_are_named() {
        assert_eq!(parse_fragment("s0.AAAA"), Err(LinkError::Damaged("it names link version 0, which never existed")));
        assert_eq!(parse_fragment("s00.AAAA"), Err(LinkError::Damaged("it names link version 0, which never existed")));
        assert_eq!(parse_fragment("#s2.AAAA"), Err(LinkError::Newer(2)));
        assert_eq!(parse_fragment("s255.x"), Err(LinkError::Newer(255)));
        assert_eq!(parse_fragment("s+7.x"), Err(LinkError::Newer(7)));
        // Not a version number: read as a prefill, which it is not either.
        for text in ["s256.x", "s-1.x", "s.x", "sx.y"] {
            assert_eq!(
                parse_fragment(text),
                Err(LinkError::Unknown(format!("`{text}` is not question=answer"))),
                "{text}"
            );
        }
        assert_eq!(parse_fragment("s1"), Err(LinkError::Unknown("`s1` is not question=answer".into())));
    }

    #[test]
    fn a_damaged_share_link_says_how() {
        let damaged = |text: &str| match parse_fragment(text) {
            Err(LinkError::Damaged(why)) => why,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(damaged("s1."), "it is too short");
        assert_eq!(damaged("s1.AA"), "it is too short");
        assert_eq!(damaged("s1.AAA"), "its checksum does not match");
        assert_eq!(damaged("s1.A"), "it holds characters a link of ours never has");
        assert_eq!(damaged("s1.AA=A"), "it holds characters a link of ours never has");
    }

    /// A share link as people paste it: in the angle brackets mail clients write, ending a
    /// sentence, wrapped over lines by e-mail; and as an address bar writes those (`%3E`, `%20`).
    #[test]
    fn a_share_link_opens_as_people_paste_it() {
        let mut p = scope::Progress::from_prefill(
            parse_prefill("services=intune,aad_premium&tenant=new").unwrap(),
            scope::Revision::CURRENT,
        );
        p.done.insert(scope::ItemId::at(3).unwrap());
        let link = encode_share(&p, true);
        let want = parse_fragment(&link).unwrap();
        assert!(matches!(want, Fragment::Shared(_)));
        let (head, tail) = link.split_at(link.len() / 2);
        for pasted in [
            format!("{link}."),
            format!("{link}>"),
            format!("{link}>."),
            format!("{link})."),
            format!("{link}%3E"),
            format!("{link}%3E."),
            format!("{head}\n{tail}"),
            format!("{head}\r\n    {tail}"),
            format!("{head} {tail}"),
            format!("{head}%20{tail}"),
            format!("s1.\n{}", &link[3..]),
            format!("{head}\n{tail}>.\n"),
        ] {
            assert_eq!(parse_fragment(&pasted), Ok(want.clone()), "{pasted:?}");
        }
        // A full stop is never part of a share link: inside one it is damage, not its end.
        let damaged = LinkError::Damaged("it holds characters a link of ours never has");
        assert_eq!(parse_fragment(&format!("{head}.{tail}")), Err(damaged.clone()));
        assert_eq!(parse_fragment(&format!("{head}>{tail}")), Err(damaged));
        // A link cut short is damaged, full stop or not.
        let cut = &link[..link.len() - 3];
        assert!(matches!(parse_fragment(cut), Err(LinkError::Damaged(_))));
        assert_eq!(parse_fragment(&format!("{cut}.")), parse_fragment(cut));
        // The prefix's own dot stays the prefix's: nothing after it is too short, as before.
        assert_eq!(parse_fragment("s1.."), Err(LinkError::Damaged("it is too short")));
    }

    /// A prefill that ends a sentence or sits in angle brackets opens when it fits without that
    /// end; when it does not, the refusal is the one for the text as it was.
    #[test]
    fn a_prefill_opens_without_the_end_a_sentence_gives_it() {
        for text in
            ["services=intune.", "services=intune>", "services=intune%3E", "services=intune%3E.", "services=intune)."]
        {
            assert_eq!(parse_fragment(text), Ok(prefill("services=intune")), "{text}");
        }
        let word = |w: &str| format!("`{w}` is not an answer to `services` in this version of the wizard");
        assert_eq!(parse_fragment("services=word."), Err(LinkError::Unknown(word("word."))));
        assert_eq!(parse_fragment("services=intune.x"), Err(LinkError::Unknown(word("intune.x"))));
    }

    #[test]
    fn prefill_reads_escapes_blanks_and_empty_pairs() {
        let want = parse_prefill("services=intune,aad_premium&directory=single_forest").unwrap();
        for text in [
            "services=intune,aad_premium&directory=single_forest",
            "&&services=intune,%20aad_premium&&directory=single_forest&",
            "+services+=+intune+,aad_premium&directory=single%5Fforest",
            "%73ervices=intune,,aad_premium&directory=single_forest",
        ] {
            assert_eq!(parse_prefill(text), Ok(want.clone()), "{text}");
        }
        assert_eq!(parse_prefill(""), Ok(Default::default()));
        assert_eq!(parse_prefill("services="), Ok(Default::default()));
        for bad in [
            "services=intune%",
            "services=intune%4",
            "services=%zzintune",
            "services=%FF",
            "services=%C3",
            "services=%+",
        ] {
            assert_eq!(parse_prefill(bad), Err(LinkError::Damaged("a %-escape is broken")), "{bad}");
        }
        // As `u8::from_str_radix` reads two hex digits (it takes a leading `+`).
        assert_eq!(
            parse_prefill("%+1services=intune"),
            Err(LinkError::Unknown("`\u{1}services` is not a question in this version of the wizard".into()))
        );
        assert_eq!(parse_prefill("services=intune%2Caad_premium&directory=single_forest"), Ok(want.clone()));
        assert_eq!(
            parse_prefill("services=%C3%A9"),
            Err(LinkError::Unknown("`é` is not an answer to `services` in this version of the wizard".into()))
        );
        assert_eq!(parse_prefill("services"), Err(LinkError::Unknown("`services` is not question=answer".into())));
        assert_eq!(prefill_string(&want), "services=aad_premium,intune&directory=single_forest");
        assert_eq!(prefill_string(&Default::default()), "");
    }

    /// A question answered twice is refused whole, as an unknown one is: neither answer is
    /// guessed to be the one meant.
    #[test]
    fn a_prefill_that_answers_a_question_twice_is_refused() {
        assert_eq!(parse_prefill("services=intune&services=azure_rms"), Err(LinkError::Repeated("services")));
        assert_eq!(
            parse_prefill("tenant=new&directory=cloud_only&tenant=existing"),
            Err(LinkError::Repeated("tenant"))
        );
        // The same answer twice, or one written with a %-escape, is still the question twice.
        assert_eq!(parse_prefill("tenant=new&%74enant=new"), Err(LinkError::Repeated("tenant")));
        assert_eq!(parse_prefill("services=&services=intune"), Err(LinkError::Repeated("services")));
        let err = parse_fragment("#services=intune&services=azure_rms").unwrap_err().to_string();
        assert_eq!(err, "it answers `services` twice; give all its answers once, separated by commas");
        assert!(parse_prefill("services=intune,azure_rms&tenant=new&&").is_ok());
    }

    #[test]
    fn link_errors_say_what_is_wrong() {
        let say = |e: LinkError| e.to_string();
        assert_eq!(
            say(LinkError::Damaged("it is too short")),
            "the link is damaged (it is too short); ask for it again, copied whole"
        );
        assert_eq!(say(LinkError::Newer(2)), "the link was made by a newer version of the wizard (link version 2)");
        assert_eq!(say(LinkError::Unknown("x".into())), "its answers do not fit this wizard: x");
        assert_eq!(say(LinkError::TooLong(5000)), "the link is 5000 characters long, far longer than any scope");
    }
}
