//! The wasm entry point: hydrates the prerendered page (see `bin/prerender.rs`).

fn main() {
    std::panic::set_hook(Box::new(ems_scope_wizard::browser::show_panic_page));
    #[cfg(feature = "hydrate")]
    leptos::mount::hydrate_body(ems_scope_wizard::App);
}
