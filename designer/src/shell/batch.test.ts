import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { batchNotice } from './batch';

const t = translator('zh-CN');

const names = new Map([[1, 'TB-1'], [2, 'TB-2'], [3, 'TB-3']]);
const name = (r: { orderId: number }) => names.get(r.orderId)!;

describe('batchNotice', () => {
  it('names every order that went through', () => {
    expect(batchNotice({ succeeded: 2, failed: 0, results: [{ orderId: 1, status: 200, problem: null }, { orderId: 2, status: 200, problem: null }] }, name, '已通过', t))
      .toEqual({ kind: 'ok', text: '已通过 2 单：TB-1、TB-2。' });
  });

  it('is an error naming each refused order with who got there first or the problem, the server\'s words as the tooltip', () => {
    const notice = batchNotice({
      succeeded: 0, failed: 2, results: [
        { orderId: 1, status: 409, problem: { title: 'Already handled', detail: '…', handledBy: '客服小王' } },
        { orderId: 3, status: 403, problem: { title: 'Not assigned to you', detail: 'Order 3 belongs to shop 2, which is not assigned to you.' } },
      ],
    }, name, '已通过', t);
    expect(notice).toEqual({
      kind: 'error',
      text: '2 单未成功：TB-1（已由 客服小王 处理）；TB-3（不在分配给你的店铺或仓库中）。',
      hint: 'TB-1: …\nTB-3: Order 3 belongs to shop 2, which is not assigned to you.',
    });
  });
});

describe('batchNotice in English', () => {
  it('says the same in English words', () => {
    expect(batchNotice({ succeeded: 1, failed: 1, results: [{ orderId: 1, status: 200, problem: null }, { orderId: 2, status: 409, problem: { title: 'Already handled', detail: '…', handledBy: 'wang' } }] },
      name, 'Approved', translator('en')))
      .toEqual({ kind: 'error', text: 'Approved: 1 — TB-1. 1 not done: TB-2 (already handled by wang).', hint: 'TB-2: …' });
  });

  it('says a problem by its code where the title names a stage, and by the field of a refused item', () => {
    const notice = batchNotice({
      succeeded: 0, failed: 2, results: [
        { orderId: 1, status: 409, problem: { title: 'Not waiting for review', detail: 'Order 1 is not waiting for review (Running)', code: 'NotWaiting' } },
        { orderId: 2, status: 400, problem: { title: 'One or more validation errors occurred.', detail: 'reason is at most 500 characters.', field: 'reason' } },
      ],
    }, name, 'Rejected', translator('en'));
    expect(notice.text).toBe('2 not done: TB-1 (The order is not waiting for this step now); TB-2 (Not valid: reason).');
  });
});
