import { useEffect, useRef } from 'react';
import type { ShortcutDoc } from './ShortcutsPanel';

/**
 * A list's keyboard shortcut: the keys that run it (as KeyboardEvent.key), what the shortcuts panel says they do, and
 * what they do. The panel lists these, so what is documented on screen is what the page answers to.
 */
export interface Shortcut extends ShortcutDoc {
  run: () => void;
  /** Listed but not active (e.g. nothing selected to act on). */
  disabled?: boolean;
}

const typingInputs = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date', 'datetime-local', 'time', '']);

/** True while the person types into a field: letters there are text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && typingInputs.has(target.type);
}

/**
 * The shortcut a key press asks for, or undefined: never while typing, never with Ctrl, Alt or ⌘ (the browser's own),
 * and not Space or Enter on a button or checkbox, which the browser already turns into a click.
 */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>, shortcuts: readonly Shortcut[]): Shortcut | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return undefined;
  const target = event.target;
  if ((event.key === ' ' || event.key === 'Enter')
    && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || (target instanceof HTMLInputElement && target.type === 'checkbox'))) {
    return undefined;
  }
  return shortcuts.find(s => !s.disabled && s.keys.includes(event.key));
}

/** Answers the shortcuts anywhere on the page while it is shown (and `active`); the latest list is used on each press. */
export function useShortcuts(shortcuts: readonly Shortcut[], active = true): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const shortcut = shortcutFor(event, latest.current);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}
