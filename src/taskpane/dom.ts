/**
 * Small DOM helpers for the pane: find an element by id (failing loudly when the page and the script
 * disagree), build elements with text, and show or hide them. Text is always set as text, never as HTML.
 */

/** The element with `id`; throws when the page lacks it (a mismatch between taskpane.html and the script). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Sidan saknar elementet #${id}`);
  return element as T;
}

/** A new element with optional class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Shows or hides an element. */
export function show(e: HTMLElement, visible: boolean): void {
  e.hidden = !visible;
}

/** Removes every child. */
export function clear(e: HTMLElement): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}
