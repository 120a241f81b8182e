import { useState, type RefObject } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useShortcuts, type Shortcut } from './shortcuts';

/** One line of the shortcuts panel: the keys and what they do. */
export interface ShortcutDoc {
  keys: string[];
  label: MessageKey;
}

const symbols: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' };

/** Lines with the same label become one (j ↓ and k ↑ both move), keys in the order first given. */
export function panelLines(shortcuts: readonly ShortcutDoc[]): ShortcutDoc[] {
  const lines = new Map<MessageKey, string[]>();
  for (const s of shortcuts) lines.set(s.label, [...(lines.get(s.label) ?? []), ...s.keys.filter(k => !lines.get(s.label)?.includes(k))]);
  return [...lines].map(([label, keys]) => ({ label, keys }));
}

/** The page's keyboard shortcuts, on screen: the one place they are documented, so it lists what the page answers to. */
export function ShortcutsPanel({ shortcuts, onClose }: { shortcuts: readonly ShortcutDoc[]; onClose: () => void }) {
  const t = useT();
  const name = (key: string) => key === ' ' ? t('lists.key.space') : symbols[key] ?? key;
  return (
    <div className="shortcuts-panel" role="dialog" aria-label={t('lists.shortcutsTitle')}>
      <div className="shortcuts-head">
        <strong>{t('lists.shortcutsTitle')}</strong>
        <span className="spacer" />
        <button type="button" className="link" onClick={onClose}>{t('common.close')}</button>
      </div>
      <table>
        <tbody>
          {panelLines(shortcuts).map(s => (
            <tr key={s.label}>
              <td className="shortcut-keys">
                {s.keys.map((key, i) => (
                  <span key={key}>{i > 0 && <span className="muted"> {t('lists.key.or')} </span>}<kbd>{name(key)}</kbd></span>
                ))}
              </td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('lists.shortcutsNote')}</p>
    </div>
  );
}

interface ListShortcutsProps {
  /** What the page runs on a key, anywhere on it (not while typing). */
  shortcuts?: readonly Shortcut[];
  /** Keys a part of the page answers to itself (e.g. the inbox list while it has the focus), listed first. */
  documented?: readonly ShortcutDoc[];
  /** Where / puts the cursor. */
  search?: RefObject<HTMLElement | null>;
}

/**
 * A list's shortcuts with their documentation: the small "快捷键 ?" link, and the panel that ? (or the link) opens and
 * ? or Esc closes, listing the page's keys and these three.
 */
export function ListShortcuts({ shortcuts = [], documented = [], search }: ListShortcutsProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const all: Shortcut[] = [
    ...shortcuts,
    ...(search ? [{ keys: ['/'], label: 'lists.key.search' as const, run: () => search.current?.focus() }] : []),
    { keys: ['?'], label: 'lists.key.help', run: () => setOpen(o => !o) },
    { keys: ['Escape'], label: 'lists.key.close', run: () => setOpen(false), disabled: !open },
  ];
  useShortcuts(all);
  return (
    <>
      <button type="button" className="link shortcuts-hint" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(o => !o)}>
        {t('lists.shortcutsHint')}
      </button>
      {open && <ShortcutsPanel shortcuts={[...documented, ...all]} onClose={() => setOpen(false)} />}
    </>
  );
}
