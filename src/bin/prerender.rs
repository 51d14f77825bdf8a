//! A build step (a Trunk post-build hook, see Trunk.toml): renders the wizard's first screen (no
//! answers: the step list, the first step's questions and the whole guidance list) to HTML and
//! writes it into the built index.html as the body's first child, where the wasm app hydrates it.
//!
//! `cargo run --no-default-features --features ssr --bin prerender [DIR]`: DIR defaults to
//! `$TRUNK_STAGING_DIR`, else `dist`.

use leptos::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".to_string());
    let path = PathBuf::from(dir).join("index.html");
    match prerender(&path) {
        Ok(bytes) => {
            println!("prerender: {} ({bytes} bytes of HTML)", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn prerender(path: &std::path::Path) -> Result<usize, String> {
    let page = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    // No async runtime and no server: the first screen depends on nothing but the catalog.
    let app = Owner::new().with(|| view! { <ems_scope_wizard::App/> }.to_html());
    let html = first_in_body(&page, &app)?;
    std::fs::write(path, &html).map_err(|e| e.to_string())?;
    Ok(app.len())
}

/// `page` with `app` as the body's first child. Hydration starts at that child: even a newline
/// before it would break it.
fn first_in_body(page: &str, app: &str) -> Result<String, String> {
    if page.contains(r#"class="page"#) {
        return Err("already prerendered".into());
    }
    let body = page.find("<body").ok_or("no <body> tag")?;
    let inside = body + page[body..].find('>').ok_or("unclosed <body> tag")? + 1;
    Ok(format!("{}{app}{}", &page[..inside], page[inside..].trim_start()))
}
