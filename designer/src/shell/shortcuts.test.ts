import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTyping, shortcutFor, useShortcuts, type Shortcut } from './shortcuts';
import { panelLines } from './ShortcutsPanel';

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, type?: string) => {
  const el = document.createElement(tag);
  if (type) el.setAttribute('type', type);
  document.body.append(el);
  return el;
};
const press = (key: string, target: EventTarget = document.body, extra: Partial<KeyboardEvent> = {}) =>
  ({ key, ctrlKey: false, altKey: false, metaKey: false, target, ...extra });

const shortcuts = (run = vi.fn()): Shortcut[] => [
  { keys: ['j', 'ArrowDown'], label: 'lists.key.move', run },
  { keys: ['x', ' '], label: 'lists.key.toggle', run },
  { keys: ['Escape'], label: 'lists.key.close', run, disabled: true },
];

afterEach(() => { document.body.innerHTML = ''; });

describe('shortcutFor', () => {
  it('finds the shortcut of a key pressed on the page, by any of its keys', () => {
    const list = shortcuts();
    expect(shortcutFor(press('j'), list)?.label).toBe('lists.key.move');
    expect(shortcutFor(press('ArrowDown'), list)?.label).toBe('lists.key.move');
    expect(shortcutFor(press(' '), list)?.label).toBe('lists.key.toggle');
    expect(shortcutFor(press('q'), list)).toBeUndefined();
  });

  it('is not active while typing in a text field, a text area, a select or editable text', () => {
    const list = shortcuts();
    for (const target of [element('input'), element('input', 'search'), element('textarea'), element('select')]) {
      expect(isTyping(target)).toBe(true);
      expect(shortcutFor(press('j', target), list)).toBeUndefined();
    }
    const editable = element('div');
    editable.contentEditable = 'true';
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(shortcutFor(press('x', editable), list)).toBeUndefined();
  });

  it('still answers letters on a ticked checkbox, but leaves Space there (and on buttons) to the browser', () => {
    const list = shortcuts();
    const checkbox = element('input', 'checkbox');
    expect(isTyping(checkbox)).toBe(false);
    expect(shortcutFor(press('j', checkbox), list)?.label).toBe('lists.key.move');
    expect(shortcutFor(press(' ', checkbox), list)).toBeUndefined();
    expect(shortcutFor(press(' ', element('button')), list)).toBeUndefined();
  });

  it('leaves Ctrl, Alt and ⌘ combinations to the browser and skips disabled shortcuts', () => {
    const list = shortcuts();
    expect(shortcutFor(press('j', document.body, { ctrlKey: true }), list)).toBeUndefined();
    expect(shortcutFor(press('j', document.body, { metaKey: true }), list)).toBeUndefined();
    expect(shortcutFor(press('j', document.body, { altKey: true }), list)).toBeUndefined();
    expect(shortcutFor(press('Escape'), list)).toBeUndefined();
  });
});

describe('useShortcuts', () => {
  it('runs the shortcut of a key pressed anywhere, prevents the default, and stops when the page goes', () => {
    const run = vi.fn();
    const { unmount } = renderHook(() => useShortcuts(shortcuts(run)));
    const event = new KeyboardEvent('keydown', { key: 'x', cancelable: true, bubbles: true });
    act(() => { document.body.dispatchEvent(event); });
    expect(run).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);

    const typed = element('input');
    act(() => { typed.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true })); });
    expect(run).toHaveBeenCalledTimes(1);

    unmount();
    act(() => { document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true })); });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('leaves a key another handler already took', () => {
    const run = vi.fn();
    renderHook(() => useShortcuts(shortcuts(run)));
    const taken = new KeyboardEvent('keydown', { key: 'j', cancelable: true, bubbles: true });
    taken.preventDefault();
    act(() => { document.body.dispatchEvent(taken); });
    expect(run).not.toHaveBeenCalled();
  });
});

describe('panelLines', () => {
  it('lists each action once, with all of its keys', () => {
    expect(panelLines([
      { keys: ['j', 'ArrowDown'], label: 'lists.key.move' },
      { keys: ['k', 'ArrowUp'], label: 'lists.key.move' },
      { keys: ['?'], label: 'lists.key.help' },
    ])).toEqual([
      { keys: ['j', 'ArrowDown', 'k', 'ArrowUp'], label: 'lists.key.move' },
      { keys: ['?'], label: 'lists.key.help' },
    ]);
  });
});
