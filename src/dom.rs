//! A small DOM builder over web-sys, driven by Leptos's reactive graph.
//!
//! Why not `view!`: Leptos's view layer (tachys) generates code for every distinct view shape
//! (build, rebuild, mount, and the server-rendering paths that type erasure keeps alive). For this
//! app that was about 140 KB of a 195 KB gzip download (issue 7, README "Performance"). Here every
//! element goes through the same few functions, and only the closures are the app's own.
//!
//! Reactivity is Leptos's own: signals and memos, read inside [`RenderEffect`]s that update one
//! text, attribute or region each. Every effect, listener and region belongs to the reactive
//! [`Owner`] of the part of the page that made it, so it stops when that part is removed.

use crate::reactive::*;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, UnwrapThrowExt};
use web_sys::{Element, Event, Node};

/// An element under construction. Methods take and return it, so a tree reads top to bottom.
pub struct El(pub Element);

/// A new element; `tag` is a constant of this crate, never user input.
pub fn el(tag: &str) -> El {
    El(document().create_element(tag).unwrap_throw())
}

/// `<tag class="class">text</tag>`, the most common shape.
pub fn tag(tag: &str, class: &str, text: &str) -> El {
    let e = el(tag);
    let e = if class.is_empty() { e } else { e.class(class) };
    e.text(text)
}

/// `<button type="button">text</button>` with a click handler.
pub fn button(text: &str, on_click: impl FnMut(Event) + 'static) -> El {
    button_boxed(text, Box::new(on_click))
}

// The generic functions here only box their closures and call a plain one like this: the body is
// then in the wasm once, not once per call site (about 100 bytes each, issue 7).
#[inline(never)]
fn button_boxed(text: &str, on_click: Box<dyn FnMut(Event)>) -> El {
    el("button").attr("type", "button").text(text).on_boxed("click", on_click)
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> El {
        self.0.set_attribute(name, value).ok();
        self
    }

    pub fn id(self, id: &str) -> El {
        self.attr("id", id)
    }

    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> El {
        if !text.is_empty() {
            self.0.append_child(&document().create_text_node(text)).ok();
        }
        self
    }

    pub fn child(self, child: El) -> El {
        self.0.append_child(&child.0).ok();
        self
    }

    pub fn child_if(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        for c in children {
            self.0.append_child(&c.0).ok();
        }
        self
    }

    /// Listens for `event` for as long as the current owner lives.
    pub fn on(self, event: &str, handler: impl FnMut(Event) + 'static) -> El {
        self.on_boxed(event, Box::new(handler))
    }

    #[inline(never)]
    fn on_boxed(self, event: &str, handler: Box<dyn FnMut(Event)>) -> El {
        listen(&self.0, event, handler);
        self
    }

    /// A text node that follows `text`.
    pub fn text_with(self, text: impl Fn() -> String + 'static) -> El {
        self.text_node_with(Box::new(move || Some(text())))
    }

    #[inline(never)]
    fn text_node_with(self, text: Box<dyn Fn() -> Option<String>>) -> El {
        let node = document().create_text_node("");
        self.0.append_child(&node).ok();
        bind(text, Box::new(move |v| node.set_data(v.unwrap_or_default())));
        self
    }

    /// An attribute that follows `value`; `None` removes it.
    pub fn attr_with(self, name: &'static str, value: impl Fn() -> Option<String> + 'static) -> El {
        self.attr_boxed(name, Box::new(value))
    }

    #[inline(never)]
    fn attr_boxed(self, name: &'static str, value: Box<dyn Fn() -> Option<String>>) -> El {
        let e = self.0.clone();
        bind(
            value,
            Box::new(move |v| {
                match v {
                    Some(v) => e.set_attribute(name, v),
                    None => e.remove_attribute(name),
                }
                .ok();
            }),
        );
        self
    }

    /// A boolean attribute (`disabled`, `hidden`…) that follows `on`.
    pub fn flag_with(self, name: &'static str, on: impl Fn() -> bool + 'static) -> El {
        self.attr_with(name, move || on().then(String::new))
    }

    /// One class that is there while `on` holds.
    pub fn class_with(self, class: &'static str, on: impl Fn() -> bool + 'static) -> El {
        self.class_boxed(class, Box::new(move || on().then(String::new)))
    }

    #[inline(never)]
    fn class_boxed(self, class: &'static str, on: Box<dyn Fn() -> Option<String>>) -> El {
        let e = self.0.clone();
        bind(on, Box::new(move |v| drop(e.class_list().toggle_with_force(class, v.is_some()))));
        self
    }

    /// The `checked` property of a checkbox or radio button.
    pub fn checked_with(self, on: impl Fn() -> bool + 'static) -> El {
        self.checked_boxed(Box::new(move || on().then(String::new)))
    }

    #[inline(never)]
    fn checked_boxed(self, on: Box<dyn Fn() -> Option<String>>) -> El {
        let input: web_sys::HtmlInputElement = self.0.clone().unchecked_into();
        bind(on, Box::new(move |v| input.set_checked(v.is_some())));
        self
    }

    /// The `value` property of an input or text area.
    pub fn value_with(self, value: impl Fn() -> String + 'static) -> El {
        self.value_boxed(Box::new(move || Some(value())))
    }

    #[inline(never)]
    fn value_boxed(self, value: Box<dyn Fn() -> Option<String>>) -> El {
        let e = self.0.clone();
        bind(
            value,
            Box::new(move |v| drop(js_sys::Reflect::set(&e, &"value".into(), &v.unwrap_or_default().into()))),
        );
        self
    }

    /// A region built by `build` and built again, in a fresh owner, whenever `key` changes.
    pub fn child_with<K: PartialEq + 'static>(
        self,
        key: impl Fn() -> K + 'static,
        build: impl Fn(&K) -> Option<El> + 'static,
    ) -> El {
        let region = Region::new(&self.0);
        let mut shown: Option<K> = None;
        effect(Box::new(move || {
            let k = key();
            if shown.as_ref() != Some(&k) {
                region.replace_all(&[None], &mut |_| build(&k));
                shown = Some(k);
            }
        }));
        self
    }

    /// A list keyed by its items: `items` gives them in order; an item that stays keeps its
    /// elements (and focus, and open `<details>`), a new one is built by `build` in its own owner.
    /// An item holds everything its elements show, so that equal items mean equal elements.
    pub fn list<T: PartialEq + 'static>(self, items: impl Fn() -> Vec<T> + 'static, build: impl Fn(&T) -> El + 'static) -> El {
        let region = Region::new(&self.0);
        let mut shown: Vec<T> = Vec::new();
        effect(Box::new(move || {
            let wanted = items();
            let kept = match_items(shown.len(), wanted.len(), &|i, w| shown[i] == wanted[w]);
            region.replace_all(&kept, &mut |i| Some(build(&wanted[i])));
            shown = wanted;
        }));
        self
    }
}

/// For each of `wanted` new items, the index of an equal item among the `shown` ones, if any.
/// Each shown item is claimed once at most, so that two equal items are two entries.
fn match_items(shown: usize, wanted: usize, same: &dyn Fn(usize, usize) -> bool) -> Vec<Option<usize>> {
    let mut claimed = vec![false; shown];
    (0..wanted)
        .map(|w| {
            let i = (0..shown).find(|&i| !claimed[i] && same(i, w))?;
            claimed[i] = true;
            Some(i)
        })
        .collect()
}

/// Where a region's nodes go: before an empty text node that marks its end. The generic methods
/// above only compare their items; the DOM work is here, once for all of them.
struct Region {
    parent: Element,
    end: Node,
    owner: Owner,
    /// What is on screen, in order: each node (if its item built one) and its owner.
    shown: RefCell<Vec<Option<(Node, Owner)>>>,
}

impl Region {
    fn new(parent: &Element) -> Region {
        let end: Node = document().create_text_node("").into();
        parent.append_child(&end).ok();
        Region { parent: parent.clone(), end, owner: Owner::current().unwrap_or_default(), shown: RefCell::new(Vec::new()) }
    }

    /// Makes the region show one entry per element of `kept`: `Some(i)` keeps the entry now at
    /// index `i` (once), `None` builds a new one with `build(position)` in a fresh owner.
    fn replace_all(&self, kept: &[Option<usize>], build: &mut dyn FnMut(usize) -> Option<El>) {
        let mut old: Vec<Option<Option<(Node, Owner)>>> = self.shown.take().into_iter().map(Some).collect();
        let mut next = Vec::with_capacity(kept.len());
        for (position, k) in kept.iter().enumerate() {
            match k.and_then(|i| old[i].take()) {
                Some(entry) => next.push(entry),
                None => {
                    let owner = self.owner.child();
                    match owner.with(|| untrack(|| build(position))) {
                        Some(e) => next.push(Some((e.0.into(), owner))),
                        None => {
                            owner.cleanup();
                            next.push(None);
                        }
                    }
                }
            }
        }
        for (node, owner) in old.into_iter().flatten().flatten() {
            owner.cleanup();
            self.parent.remove_child(&node).ok();
        }
        // From the end: each node goes just before the one after it, moved only if it is not
        // there already, so unchanged items are not touched.
        let mut after: Node = self.end.clone();
        for (node, _) in next.iter().rev().flatten() {
            if node.next_sibling().as_ref() != Some(&after) {
                self.parent.insert_before(node, Some(&after)).ok();
            }
            after = node.clone();
        }
        self.shown.replace(next);
    }
}

/// Calls `apply` with what `value` gives, now and whenever it changes.
fn bind(value: Box<dyn Fn() -> Option<String>>, apply: Box<dyn Fn(Option<&str>)>) {
    let mut last: Option<Option<String>> = None;
    effect(Box::new(move || {
        let v = value();
        if last.as_ref() != Some(&v) {
            apply(v.as_deref());
            last = Some(v);
        }
    }));
}

/// What the current owner keeps alive until it is cleaned up: an effect stops, a listener's
/// closure is freed. One type for both, so the owner-storage code is in the wasm once.
#[allow(dead_code)] // held only to be dropped with the owner
enum Kept {
    Effect(RenderEffect<()>),
    Listener(Closure<dyn FnMut(Event)>),
}

/// A render effect (first run now, then after each change of what it read) that lives as long as
/// the current owner. One type for the whole app, so its code is there once.
pub fn effect(run: Box<dyn FnMut()>) {
    let effect = RenderEffect::new({
        let mut run = run;
        move |_| run()
    });
    StoredValue::new_local(Kept::Effect(effect));
}

/// Calls `handler` on each `event` at `target` for as long as the current owner lives.
pub fn listen(target: &web_sys::EventTarget, event: &str, handler: Box<dyn FnMut(Event)>) {
    let closure = Closure::wrap(handler);
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref()).ok();
    StoredValue::new_local(Kept::Listener(closure));
}

/// The element a listener was added to, as the type it was made as (`input`, `textarea`…).
/// No run-time type check: the caller made that element, so the check would only cost bytes.
pub fn listener_element<T: JsCast>(ev: &Event) -> Option<T> {
    ev.current_target().map(|t| t.unchecked_into())
}

/// Runs `app` with a root owner and appends what it builds to the body; both live for the page.
pub fn mount(app: impl FnOnce() -> El) {
    any_spawner::Executor::init_wasm_bindgen().ok();
    let owner = Owner::new();
    let root = owner.with(app);
    if let Some(body) = document().body() {
        body.append_child(&root.0).ok();
    }
    std::mem::forget(owner);
}
