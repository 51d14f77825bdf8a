//! A build step (a Trunk post-build hook, see Trunk.toml): renders the wizard's first screen (no
//! answers: the step list, the first step's questions and the whole guidance list) to HTML and
//! writes it into the app's root element in the built index.html (the one marked
//! `data-prerender`), where the wasm app hydrates it.
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
    let html = into_root(&page, &app)?;
    std::fs::write(path, &html).map_err(|e| e.to_string())?;
    Ok(app.len())
}

/// The marker of the element to fill: an attribute, since Trunk's minifier drops comments (and
/// may unquote attribute values) on release builds. Taken out once the root is filled.
const MARKER: &str = " data-prerender";

/// `page` with `app` as the only content of the element marked [`MARKER`], which must be empty:
/// hydration starts at that element's first child, so even a newline before `app` would break it.
fn into_root(page: &str, app: &str) -> Result<String, String> {
    let marked = page.match_indices(MARKER).map(|(at, _)| at).collect::<Vec<_>>();
    let &[marker] = marked.as_slice() else {
        return Err(match marked.len() {
            0 => "no element marked data-prerender (already prerendered?)".into(),
            n => format!("{n} elements marked data-prerender, one expected"),
        });
    };
    let after_marker = marker + MARKER.len();
    let inside = after_marker + page[after_marker..].find('>').ok_or("unclosed root element")? + 1;
    if !page[inside..].trim_start().starts_with("</") {
        return Err("the element marked data-prerender is not empty".into());
    }
    let rest = page[inside..].trim_start();
    Ok(format!("{}{}{app}{rest}", &page[..marker], &page[after_marker..inside]))
}

#[cfg(test)]
mod tests {
    use super::into_root;

    #[test]
    fn the_app_fills_the_marked_root_and_the_marker_goes() {
        let page = "<body>\n  <p>x</p>\n  <div id=\"app\" data-prerender>\n  </div>\n</body>";
        let done = into_root(page, "<main></main>").unwrap();
        assert_eq!(done, "<body>\n  <p>x</p>\n  <div id=\"app\"><main></main></div>\n</body>");
        assert!(into_root(&done, "<main></main>").unwrap_err().contains("already prerendered"));
        // As Trunk's minifier writes it on release builds.
        assert_eq!(
            into_root("<body><div id=app data-prerender></div>", "<i></i>").unwrap(),
            "<body><div id=app><i></i></div>"
        );
        assert!(into_root("<div data-prerender><p></p></div>", "").unwrap_err().contains("not empty"));
    }
}
