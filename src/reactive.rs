//! The parts of Leptos the app uses: its reactive system (`reactive_graph`) and a few browser
//! helpers (`leptos_dom`). Taken from those two crates rather than the `leptos` facade, whose
//! `server_fn` and `wasm-streams` dependencies export wasm-bindgen classes that keep 8.7 KB gzip
//! of code and glue in every download although the app uses none of it (README, Performance).

pub use leptos_dom::helpers::{document, request_animation_frame, set_timeout};
pub use reactive_graph::computed::Memo;
pub use reactive_graph::effect::RenderEffect;
pub use reactive_graph::graph::untrack;
pub use reactive_graph::owner::{provide_context, use_context, Owner, StoredValue};
pub use reactive_graph::prelude::*;
pub use reactive_graph::signal::{signal, ReadSignal, RwSignal, WriteSignal};
