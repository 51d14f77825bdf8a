//! The EMS onboarding-scope wizard in the browser: Leptos components over the `scope` crate.
//! See ARCHITECTURE.md for the map.

mod app;
mod browser;
mod embed;
mod guidance;
mod persistence;
mod share;
mod state;
mod steps;

fn main() {
    std::panic::set_hook(Box::new(browser::show_panic_page));
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
