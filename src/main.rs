//! The EMS onboarding-scope wizard in the browser: thin components over the `scope` crate, built
//! with a small DOM module (`dom`) on Leptos's reactive graph.
//! See ARCHITECTURE.md for the map.

mod app;
mod browser;
mod dom;
mod embed;
mod guidance;
mod reactive;
mod share;
mod storage;
mod steps;

fn main() {
    std::panic::set_hook(Box::new(browser::show_panic_page));
    if let Some(boot) = reactive::document().get_element_by_id("boot") {
        boot.remove();
    }
    dom::mount(app::app);
}
