import type { BatchProblem, BatchResponse } from '../api';
import type { Translate } from '../i18n';
import type { Notice } from './Banner';
import { problemOriginal, sayProblem } from './problems';

/**
 * What a batch action tells the reviewer: how many went through (by name), and each one that did not with the reason,
 * e.g. "已通过 2 单：TB-7、TB-8。1 单未成功：TB-9（订单现在不在等待审核。）。"; the server's own words are the tooltip.
 */
export function batchNotice<T extends { status: number; problem: BatchProblem | null }>(
  response: BatchResponse<T>, name: (result: T) => string, done: string, t: Translate,
): Notice {
  // 200 for a decision, 201 for an order set aside (each the single endpoint's own answer)
  const ok = response.results.filter(r => r.status >= 200 && r.status < 300);
  const failed = response.results.filter(r => r.status < 200 || r.status >= 300);
  const parts: string[] = [];
  const list = t.lang === 'en' ? ', ' : '、';
  if (ok.length > 0) parts.push(t('batch.done', { done, count: ok.length, names: ok.map(name).join(list) }));
  if (failed.length > 0) {
    const items = failed.map(r => t('batch.item', { name: name(r), problem: problemText(r.problem, r.status, t) }));
    parts.push(t('batch.failed', { count: failed.length, items: items.join(t.lang === 'en' ? '; ' : '；') }));
  }
  const hint = failed.map(r => (r.problem ? `${name(r)}: ${problemOriginal(r.problem)}` : '')).filter(Boolean).join('\n');
  return { kind: failed.length > 0 ? 'error' : 'ok', text: parts.join(t.lang === 'en' ? ' ' : '') || t('batch.nothing'), ...(hint ? { hint } : {}) };
}

// Who got there first, else the problem by its code or title (shell/problems.ts).
function problemText(problem: BatchProblem | null, status: number, t: Translate): string {
  if (!problem) return t('batch.unknown');
  if (problem.handledBy) return t('batch.handledBy', { by: problem.handledBy });
  // Inside the brackets of batch.item, without its full stop.
  return sayProblem(problem, status, t).replace(/[。.]$/, '');
}
