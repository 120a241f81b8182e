// 映射商家编码: how the outcome of mapping a code is worded, and why a mapping failed.
import { ApiError } from '../api';
import type { Notice } from '../shell/Banner';
import { errorText } from '../shell/format';
import type { MerchantCodeMapping } from './mapCodeApi';

const listed = 5;

function orderNames(ids: number[], names: ReadonlyMap<number, string>): string {
  const shown = ids.slice(0, listed).map(id => names.get(id) ?? `订单 ${id}`);
  return ids.length > listed ? `${shown.join('、')} 等 ${ids.length} 单` : shown.join('、');
}

/** The banner after mapping: what the code maps to now, how many waiting orders continued, and which still wait on what. */
export function mapNotice(result: MerchantCodeMapping, names: ReadonlyMap<number, string> = new Map()): Notice {
  const target = `${result.kind === 'Combo' ? '套餐' : '单品'}「${result.targetName}」(${result.targetCode})`;
  const parts = [`商家编码 ${result.merchantCode} ${result.created ? '已映射到' : '已是'} ${target}。`];
  const { continued, stillWaiting } = result;
  if (continued.length > 0) parts.push(`${continued.length} 单继续处理：${orderNames(continued.map(i => i.orderId), names)}。`);
  else parts.push('没有订单继续处理。');
  if (stillWaiting.length > 0) {
    const why = stillWaiting.slice(0, listed).map(i => {
      const name = names.get(i.orderId) ?? `订单 ${i.orderId}`;
      return i.stillUnmapped.length > 0 ? `${name} 还缺 ${i.stillUnmapped.map(c => c || '（无编码的行）').join('、')}` : `${name}（${i.reason ?? '未继续'}）`;
    });
    parts.push(`${stillWaiting.length} 单仍在等待：${why.join('；')}。`);
  }
  return { kind: 'ok', text: parts.join('') };
}

/** What a refused mapping tells the person: a 409 names what the code already maps to; a 400 names the field. */
export function mapError(e: unknown): string {
  if (e instanceof ApiError && e.status === 409) return `无法映射：${e.message}`;
  if (e instanceof ApiError) return ['映射失败：', e.message, ...e.fieldMessages()].join(' ');
  return `映射失败：${errorText(e)}`;
}
