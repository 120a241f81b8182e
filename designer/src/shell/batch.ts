import type { BatchProblem, BatchResponse } from '../api';
import type { Notice } from './Banner';

/**
 * What a batch action tells the reviewer: how many went through (by name), and each one that did not with the server's
 * reason, e.g. "已通过 2 单：TB-7、TB-8。1 单未成功：TB-9（Order 9 is not waiting for review …）。".
 */
export function batchNotice<T extends { status: number; problem: BatchProblem | null }>(
  response: BatchResponse<T>, name: (result: T) => string, done: string,
): Notice {
  const ok = response.results.filter(r => r.status === 200);
  const failed = response.results.filter(r => r.status !== 200);
  const parts: string[] = [];
  if (ok.length > 0) parts.push(`${done} ${ok.length} 单：${ok.map(name).join('、')}。`);
  if (failed.length > 0) {
    parts.push(`${failed.length} 单未成功：${failed.map(r => `${name(r)}（${problemText(r.problem)}）`).join('；')}。`);
  }
  return { kind: failed.length > 0 ? 'error' : 'ok', text: parts.join('') || '没有选中任何一单。' };
}

function problemText(problem: BatchProblem | null): string {
  if (!problem) return '未知原因';
  if (problem.handledBy) return `已由 ${problem.handledBy} 处理`;
  return problem.detail || problem.title;
}
