// 映射商家编码: how the outcome of mapping a code is worded, and why a mapping failed.
import { ApiError } from '../api';
import type { Translate } from '../i18n';
import type { Notice } from '../shell/Banner';
import { failure } from '../shell/format';
import { sayServerText } from '../shell/serverText';
import type { MerchantCodeMapping } from './mapCodeApi';

const listed = 5;

function orderName(id: number, names: ReadonlyMap<number, string>, t: Translate): string {
  return names.get(id) ?? t('mapCode.order', { id });
}

function orderNames(ids: number[], names: ReadonlyMap<number, string>, t: Translate): string {
  const shown = ids.slice(0, listed).map(id => orderName(id, names, t)).join(t('mapCode.listSeparator'));
  return ids.length > listed ? t('mapCode.orderListMore', { names: shown, count: ids.length }) : t('mapCode.orderList', { names: shown });
}

/** The banner after mapping: what the code maps to now, how many waiting orders continued, and which still wait on what. */
export function mapNotice(result: MerchantCodeMapping, t: Translate, names: ReadonlyMap<number, string> = new Map()): Notice {
  const target = t('mapCode.target', {
    kind: t(result.kind === 'Combo' ? 'mapCode.combo' : 'mapCode.goods'), name: result.targetName, code: result.targetCode,
  });
  const parts = [t(result.created ? 'mapCode.mapped' : 'mapCode.already', { code: result.merchantCode, target })];
  const { continued, stillWaiting } = result;
  parts.push(continued.length > 0
    ? t('mapCode.continued', { count: continued.length, orders: orderNames(continued.map(i => i.orderId), names, t) })
    : t('mapCode.noneContinued'));
  if (stillWaiting.length > 0) {
    const why = stillWaiting.slice(0, listed).map(i => {
      const order = orderName(i.orderId, names, t);
      return i.stillUnmapped.length > 0
        ? t('mapCode.stillMissing', { order, codes: i.stillUnmapped.map(c => c || t('mapCode.lineWithoutCode')).join(t('mapCode.listSeparator')) })
        : t('mapCode.notContinued', { order, reason: i.reason ? sayServerText(i.reason, t).text : t('mapCode.defaultReason') });
    });
    parts.push(t('mapCode.stillWaiting', { count: stillWaiting.length, why: why.join(t('mapCode.whySeparator')) }));
  }
  return { kind: 'ok', text: parts.join('') };
}

/** What a refused mapping tells the person: a 409 says the code is mapped already; a 400 names the field. */
export function mapError(e: unknown, t: Translate): Notice {
  if (e instanceof ApiError && e.status === 409) return failure(e, t, problem => t('mapCode.refused', { problem }));
  return failure(e, t, problem => t('mapCode.failed', { problem }));
}
