import type { BatchProblem, BatchResponse } from '../api';
import type { Translate } from '../i18n';
import type { Notice } from './Banner';

/**
 * What a batch action tells the reviewer: how many went through (by name), and each one that did not with the server's
 * reason, e.g. "已通过 2 单：TB-7、TB-8。1 单未成功：TB-9（Order 9 is not waiting for review …）。".
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
    const items = failed.map(r => t('batch.item', { name: name(r), problem: problemText(r.problem, t) }));
    parts.push(t('batch.failed', { count: failed.length, items: items.join(t.lang === 'en' ? '; ' : '；') }));
  }
  return { kind: failed.length > 0 ? 'error' : 'ok', text: parts.join(t.lang === 'en' ? ' ' : '') || t('batch.nothing') };
}

// The server's detail as it wrote it; its English title only when there is no detail at all.
function problemText(problem: BatchProblem | null, t: Translate): string {
  if (!problem) return t('batch.unknown');
  if (problem.handledBy) return t('batch.handledBy', { by: problem.handledBy });
  return problem.detail || problem.title || t('batch.unknown');
}
