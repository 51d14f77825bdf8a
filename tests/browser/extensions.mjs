// What browser extensions do to pages, for the tests of the app's start (hydration.test.mjs on a
// debug build, prerender.test.mjs on the release build).

/** Adds nodes to the page as browser extensions do before the app starts (password managers,
 *  grammar checkers, translators): at the top of <body> as soon as it exists, then, when the page
 *  is parsed (before the loader starts the app), around the app's root and at the end of <body>,
 *  with text and whitespace between. */
export function extensionNodes() {
  const node = (id) => {
    const div = document.createElement('div');
    div.id = id;
    div.textContent = `added by an extension (${id})`;
    return div;
  };
  new MutationObserver((_, observer) => {
    if (!document.body) return;
    observer.disconnect();
    document.body.prepend(node('ext-top'), document.createTextNode('\n  '));
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    // The app's root; on a build without one, the prerendered layout itself.
    const root = document.getElementById('app') || document.querySelector('.page');
    root.before(document.createComment('extension'), node('ext-before'), document.createTextNode(' '));
    root.after(document.createTextNode('\n'), node('ext-after'));
    document.body.append(node('ext-end'), document.createTextNode('  text at the end  '));
  });
}
