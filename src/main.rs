//! The wasm entry point: hydrates the prerendered page (see `bin/prerender.rs`).

fn main() {
    std::panic::set_hook(Box::new(ems_scope_wizard::browser::show_panic_page));
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::*;
        // Before hydration, which resets every input to the prerendered (blank) state.
        let early_choices = ems_scope_wizard::browser::checked_choices();
        leptos::mount::hydrate_body(move || view! { <ems_scope_wizard::App early_choices/> });
    }
}
