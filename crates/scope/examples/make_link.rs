//! Prints the share link fragment for a prefill string and done item ids, e.g. to make the
//! pinned link of tests/link_v1.txt:
//! `cargo run -p scope --example make_link -- 'services=intune' general.remote_support`
fn main() {
    let mut args = std::env::args().skip(1);
    let prefill = args.next().unwrap_or_default();
    let answers = match scope::link::parse_prefill(&prefill) {
        Ok(a) => a,
        Err(e) => return eprintln!("{e}"),
    };
    let mut progress = scope::Progress { answers, ..Default::default() };
    for id in args {
        match scope::ItemId::by_id(&id) {
            Some(item) => {
                progress.done.insert(item);
            }
            None => return eprintln!("no item `{id}`"),
        }
    }
    println!("{}", scope::link::encode_share(&progress, true));
}
