import { useMemo, useSyncExternalStore } from 'react';
import { en } from './messages.en';
import type { MessageKey, Messages } from './messages';
import { zhCN } from './messages.zh-CN';

export type { MessageKey, Messages } from './messages';

// The designer speaks one language per screen: Chinese by default, English on request. The choice is the person's,
// kept in localStorage (nothing about the session is), and <html lang> follows it.

export type Language = 'zh-CN' | 'en';

export const languages: { lang: Language; name: string }[] = [
  { lang: 'zh-CN', name: '中文' },
  { lang: 'en', name: 'English' },
];

export const catalogues: Record<Language, Messages> = { 'zh-CN': zhCN, en };

const storageKey = 'orchestrator.language';
const fallback: Language = 'zh-CN';

function stored(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === 'en' || value === 'zh-CN' ? value : fallback;
  } catch {
    return fallback;
  }
}

let current: Language = typeof window === 'undefined' ? fallback : stored();
const listeners = new Set<() => void>();

function apply(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current;
  listeners.forEach(l => l());
}

export function setLanguage(lang: Language): void {
  current = lang;
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // private mode: the choice lasts until the page is left
  }
  apply();
}

/** For tests: take the language from localStorage again (the default once it is cleared). */
export function reloadLanguage(): void {
  current = stored();
  apply();
}

apply();

export function useLanguage(): Language {
  return useSyncExternalStore(
    listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

export type Params = Record<string, string | number>;

/** The domain codes the catalogue names (orderStatus.PendingReview → 待审核). */
export type TermGroup =
  | 'orderStatus' | 'instanceStatus' | 'exceptionKind' | 'journalEvent' | 'activity' | 'outcome'
  | 'operator' | 'fieldType' | 'field' | 'action' | 'verdict' | 'role'
  | 'bookmark' | 'activityCategory' | 'definitionState' | 'definitionSource' | 'inputType' | 'orderField';

export interface Translate {
  (key: MessageKey, params?: Params): string;
  readonly lang: Language;
  /** A code's name in this language (orderStatus, PendingReview → 待审核), or the code itself when the catalogue lacks it. */
  term(group: TermGroup, code: string): string;
  /** Whether the catalogue names the code. */
  knows(group: TermGroup, code: string): boolean;
  /** Whether a key built at run time (wf.help.<type>) is in the catalogue, so it can be passed to t(). */
  has(key: string): key is MessageKey;
}

/** Fills {name} placeholders; one the params lack stays as written, so a slip shows rather than vanishing. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholders a text uses, e.g. ['order', 'by']. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
}

const translators = new Map<Language, Translate>();

/** The t() of a language, for code outside components (banners composed in helpers take it as a parameter). */
export function translator(lang: Language): Translate {
  let t = translators.get(lang);
  if (!t) {
    const messages: Record<string, string> = catalogues[lang];
    const knows = (group: TermGroup, code: string) => Object.hasOwn(messages, `${group}.${code}`);
    t = Object.assign((key: MessageKey, params?: Params) => interpolate(messages[key] ?? key, params), {
      lang,
      knows,
      has: (key: string): key is MessageKey => Object.hasOwn(messages, key),
      term: (group: TermGroup, code: string) => (knows(group, code) ? messages[`${group}.${code}`] : code),
    });
    translators.set(lang, t);
  }
  return t;
}

/** The t() of the language this screen speaks. */
export function useT(): Translate {
  const lang = useLanguage();
  return useMemo(() => translator(lang), [lang]);
}

/** A domain term in this language with its code as the tooltip, e.g. 待审核 over PendingReview. */
export function Term({ group, code, className }: { group: TermGroup; code: string; className?: string }) {
  const t = useT();
  return <span className={className} title={code}>{t.term(group, code)}</span>;
}

/** 中文 / English in the top bar: each named in its own language. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useLanguage();
  return (
    <span className="language-switch" role="group" aria-label={t('shell.language')}>
      {languages.map(l => (
        <button key={l.lang} type="button" className="link light" lang={l.lang} aria-pressed={l.lang === lang}
          onClick={() => setLanguage(l.lang)}>{l.name}</button>
      ))}
    </span>
  );
}
