//! What the decoders of outside text say, exactly: the kind of rejection for each way a saved
//! record, an export or a link can be wrong, and what they keep of an odd saved record.

use scope::catalog::{ItemId, Revision};
use scope::link::parse_prefill;
use scope::progress::{ReadError, MAX_BYTES};
use scope::{export, Progress};

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
                not_ours(export::from_json(text));
            }
        }
    }
    // Nesting within the limit is read.
    let nested = format!("{{\"format\":2,\"pad\":{}1{}}}", "[".repeat(100), "]".repeat(100));
    assert_eq!(Progress::from_json(&nested), Ok(Progress::default()));
}
