import { ApiError } from '../api';
import type { Language, Translate } from '../i18n';
import type { Notice } from './Banner';
import { problemOriginal, sayProblem } from './problems';

// Display helpers. Everything from the server is rendered as React text (escaped), never as HTML.

const pad = (n: number) => String(n).padStart(2, '0');
const english = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A time from the server in the screen's language and the browser's time zone, to the minute: 2026-12-06 14:03 in
 * Chinese (what people here write; the locale's own 2026/12/6 reads as a foreign format), Dec 6, 2026, 14:03 in English.
 */
export function formatTime(iso: string | null | undefined, t: { lang: Language }): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (t.lang === 'en') return english.format(d);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatAge(minutes: number, t: Translate): string {
  if (minutes < 1) return t('common.ago.justNow');
  if (minutes < 60) return t('common.ago.minutes', { minutes: Math.round(minutes) });
  if (minutes < 60 * 24) return t('common.ago.hours', { hours: Math.floor(minutes / 60), minutes: Math.round(minutes % 60) });
  return t('common.ago.days', { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) });
}

export function formatMoney(amount: number): string {
  return `¥${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * What a failed call tells the person, in the screen's language (shell/problems.ts: by the problem's code or title, the
 * fields it names, else its status); a fetch that never reached the server says so. The server's own words are
 * problemHint's, for the tooltip.
 */
export function problemText(e: unknown, t: Translate): string {
  if (e instanceof ApiError) return sayProblem(e.problem, e.status, t);
  if (e instanceof TypeError) return t('error.unreachable', { message: e.message });
  return errorText(e);
}

/** A failed call as a notice: problemText, framed by `frame` when given (保存未成功：…), the server's own words as the tooltip. */
export function failure(e: unknown, t: Translate, frame?: (problem: string) => string): Notice {
  const text = problemText(e, t);
  const hint = problemHint(e);
  return { kind: 'error', text: frame ? frame(text) : text, ...(hint ? { hint } : {}) };
}

/** The server's own words for a failed call (its detail, else its title, and what it says of each field), for the tooltip. */
export function problemHint(e: unknown): string | undefined {
  return e instanceof ApiError ? problemOriginal(e.problem) || undefined : undefined;
}
