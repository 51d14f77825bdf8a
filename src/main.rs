//! The wasm entry point: hydrates the prerendered page (see `bin/prerender.rs`).

fn main() {
    std::panic::set_hook(Box::new(ems_scope_wizard::browser::show_panic_page));
    #[cfg(feature = "hydrate")]
    {
        use ems_scope_wizard::App;
        use leptos::prelude::*;
        use wasm_bindgen::JsCast;
        // The app's own root, not <body>: browser extensions add nodes to the body before the
        // app starts, and hydration walks the nodes it is given one by one from the first.
        let Some(root) = document().get_element_by_id(ems_scope_wizard::ROOT_ID) else {
            // Only a page built without the prerender (index.html as it is in the repository).
            panic!("the page has no element with the id \"{}\" to start in", ems_scope_wizard::ROOT_ID);
        };
        // The page's frame; the rest is hydrated in later tasks (src/later.rs).
        leptos::mount::hydrate_from(root.unchecked_into(), || view! { <App/> }).forget();
    }
}
