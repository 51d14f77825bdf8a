//! The EMS onboarding-scope wizard in the browser: Leptos components over the `scope` crate.
//! The wasm binary (`main.rs`) hydrates the first screen that the `prerender` binary rendered
//! into index.html at build time. See ARCHITECTURE.md for the map.

mod app;
pub mod browser;
mod embed;
mod guidance;
mod later;
mod persistence;
mod share;
mod state;
mod steps;

pub use app::App;

/// The id of the element the app is prerendered into and hydrates (index.html holds it, empty
/// but for the prerender's marker). Hydration starts at its first child, so what else is in
/// `<body>` (nodes a browser extension adds) does not matter.
pub const ROOT_ID: &str = "app";
