import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ExceptionEntry, type RemapItem } from '../api';
import { translator } from '../i18n';
import { canRemap, codesOf, mentions, mergeResults, remapAllRequest, remapEntry, remapError, remapNotice, remapRequestFor, waitingCodes } from './remap';

const entry = (detail: string | null, more: Partial<ExceptionEntry> = {}): ExceptionEntry => ({
  id: 7, orderId: 107, shopId: 2, platformOrderId: 'TB-7', kind: 'UnmappedSku', detail, source: 'Workflow', stage: 'await-resolution',
  orderStatus: 'Exception', raisedBy: 'workflow', raisedAt: '2026-11-23T08:00:00Z', ageMinutes: 42, resolvedAt: null, resolvedBy: null,
  resolution: null, ...more,
});

const item = (entryId: number, orderId: number, stillUnmapped: string[] = [], reason: string | null = null, orderStatus = 'Exception'): RemapItem =>
  ({ entryId, orderId, orderStatus, stillUnmapped, reason });

describe('waitingCodes', () => {
  // The strings below are the server's own: BuiltInReviewPolicy.UnmappedSkuReason and SalesOrder.UnmappedDetail.
  it('reads the codes of the review reason', () => {
    expect(waitingCodes('含未匹配商品 (unmapped merchant code): TEA-NEW-01')).toEqual(['TEA-NEW-01']);
    expect(waitingCodes('含未匹配商品 (unmapped merchant code): TEA-NEW-01, cup-9')).toEqual(['TEA-NEW-01', 'cup-9']);
  });

  it('reads only the review reason line when rules added more reasons below it', () => {
    expect(waitingCodes('含未匹配商品 (unmapped merchant code): TEA-NEW-01, CUP-9\n买家留言含发票, 需人工确认')).toEqual(['TEA-NEW-01', 'CUP-9']);
    expect(waitingCodes('金额超过 5000\n含未匹配商品 (unmapped merchant code): TEA-NEW-01')).toEqual(['TEA-NEW-01']);
  });

  it('reads the codes of the intake detail, each once', () => {
    expect(waitingCodes("No goods or combo has merchant code 'TEA-NEW-01' (line 1)")).toEqual(['TEA-NEW-01']);
    expect(waitingCodes("No goods or combo has merchant code 'TEA-NEW-01' (line 1, 3), 'CUP-9' (line 2)")).toEqual(['TEA-NEW-01', 'CUP-9']);
    expect(waitingCodes("No goods or combo has merchant code 'O'Neil-1' (line 1)")).toEqual(["O'Neil-1"]);
  });

  it('skips lines without a code, which are named by their line number', () => {
    expect(waitingCodes('含未匹配商品 (unmapped merchant code): line 2, TEA-NEW-01')).toEqual(['TEA-NEW-01']);
    expect(waitingCodes("No goods or combo has merchant code 'line 1' (line 1)")).toEqual([]);
  });

  it('finds nothing in a person\'s own words or an empty detail', () => {
    expect(waitingCodes('客户说 SKU 不对, 待确认')).toEqual([]);
    expect(waitingCodes('')).toEqual([]);
    expect(waitingCodes(null)).toEqual([]);
    expect(waitingCodes('含未匹配商品 (unmapped merchant code): ')).toEqual([]);
  });
});

describe('which re-map to ask for', () => {
  it('offers it only on open UnmappedSku entries', () => {
    expect(canRemap(entry('x'))).toBe(true);
    expect(canRemap(entry('x', { kind: 'OutOfStock' }))).toBe(false);
    expect(canRemap(entry('x', { resolvedAt: '2026-11-23T09:00:00Z' }))).toBe(false);
  });

  it('scopes an entry by the first code it waits on, else by its shop', () => {
    expect(remapRequestFor(entry('含未匹配商品 (unmapped merchant code): TEA-NEW-01, CUP-9'))).toEqual({ merchantCode: 'TEA-NEW-01' });
    expect(remapRequestFor(entry('set aside by hand', { source: 'Hold' }))).toEqual({ shopId: 2 });
  });

  it('takes the codes the server lists over what the detail says, even a code with a comma in it', () => {
    const listed = entry('含未匹配商品 (unmapped merchant code): A, B', { waitingOnCodes: ['A, B'] });
    expect(codesOf(listed)).toEqual(['A, B']);
    expect(remapRequestFor(listed)).toEqual({ merchantCode: 'A, B' });
    expect(remapRequestFor(entry('含未匹配商品 (unmapped merchant code): line 1', { waitingOnCodes: [''] }))).toEqual({ shopId: 2 });
    // Every code maps now: the detail's codes still find the order.
    expect(remapRequestFor(entry('含未匹配商品 (unmapped merchant code): A', { waitingOnCodes: [] }))).toEqual({ merchantCode: 'A' });
  });

  it('re-maps all waiting, or only the filtered shop\'s', () => {
    expect(remapAllRequest(undefined)).toEqual({});
    expect(remapAllRequest(1)).toEqual({ shopId: 1 });
  });

  it('tells whether an answer looked at the entry', () => {
    expect(mentions({ continued: [item(7, 107)], stillWaiting: [] }, 7)).toBe(true);
    expect(mentions({ continued: [], stillWaiting: [item(7, 107, ['X'])] }, 7)).toBe(true);
    expect(mentions({ continued: [item(8, 108)], stillWaiting: [] }, 7)).toBe(false);
  });

  it('merges two answers: continued in either stays continued, the later answer says what still waits', () => {
    const merged = mergeResults(
      { continued: [item(8, 108)], stillWaiting: [item(9, 109, ['A'])] },
      { continued: [item(9, 109), item(8, 108)], stillWaiting: [item(7, 107, ['B'])] },
    );
    expect(merged.continued.map(i => i.entryId)).toEqual([8, 9]);
    expect(merged.stillWaiting.map(i => i.entryId)).toEqual([7]);
  });
});

describe('remapEntry', () => {
  it('asks once by code when the answer looked at the order', async () => {
    const send = vi.fn().mockResolvedValue({ continued: [item(7, 107)], stillWaiting: [] });
    expect(await remapEntry(entry('含未匹配商品 (unmapped merchant code): TEA-NEW-01'), send)).toEqual({ continued: [item(7, 107)], stillWaiting: [] });
    expect(send.mock.calls).toEqual([[{ merchantCode: 'TEA-NEW-01' }]]);
  });

  it('asks again by shop when the code read from the detail matched no order', async () => {
    const send = vi.fn()
      .mockResolvedValueOnce({ continued: [], stillWaiting: [] })
      .mockResolvedValueOnce({ continued: [item(7, 107)], stillWaiting: [item(9, 109, ['X'])] });
    // The platform's code itself holds ", ": the detail cannot tell it from two codes.
    const result = await remapEntry(entry('含未匹配商品 (unmapped merchant code): 龙井, 250g'), send);
    expect(send.mock.calls).toEqual([[{ merchantCode: '龙井' }], [{ shopId: 2 }]]);
    expect(result.continued.map(i => i.entryId)).toEqual([7]);
    expect(result.stillWaiting.map(i => i.entryId)).toEqual([9]);
  });

  it('asks once by shop when the detail names no code', async () => {
    const send = vi.fn().mockResolvedValue({ continued: [], stillWaiting: [] });
    await remapEntry(entry('set aside by hand'), send);
    expect(send.mock.calls).toEqual([[{ shopId: 2 }]]);
  });
});

describe('remapNotice', () => {
  const en = translator('en');
  const zh = translator('zh-CN');
  const names = new Map([[107, 'TB-7'], [108, 'TB-8']]);

  it('says how many continued, by platform order id where known', () => {
    expect(remapNotice({ continued: [item(7, 107, [], null, 'Approved')], stillWaiting: [] }, zh, names))
      .toEqual({ kind: 'ok', text: '已重新匹配。1 单已继续：TB-7。' });
    expect(remapNotice({ continued: [item(7, 107), item(9, 109)], stillWaiting: [] }, en, names).text)
      .toBe('Re-mapped. Continued (2): TB-7; order 109.');
  });

  it('says which still wait and on which codes', () => {
    const waiting = { continued: [item(7, 107)], stillWaiting: [item(8, 108, ['CUP-9', 'TEA-X']), item(9, 109, [''])] };
    expect(remapNotice(waiting, zh, names)).toEqual({
      kind: 'ok',
      text: "已重新匹配。1 单已继续：TB-7。2 单仍在等待：TB-8 等待 'CUP-9'、'TEA-X'；订单 109 等待 无商家编码的商品行。",
    });
    expect(remapNotice(waiting, en, names).text)
      .toBe("Re-mapped. Continued (1): TB-7. Still waiting (2): TB-8 on 'CUP-9', 'TEA-X'; order 109 on (a line without a code).");
  });

  it('is an error when orders waited and none continued, giving the server\'s reason when no code is missing', () => {
    const notice = remapNotice({ continued: [], stillWaiting: [item(7, 107, [], 'Set aside by 客服小王, not by review: resolve entry 7 instead.')] }, en, names);
    expect(notice).toEqual({
      kind: 'error',
      text: 'Re-mapped. No order continued. Still waiting (1): TB-7 (Set aside by 客服小王, not by review: resolve entry #7 instead).',
    });
  });

  it('says so when nothing waits', () => {
    expect(remapNotice({ continued: [], stillWaiting: [] }, zh)).toEqual({ kind: 'ok', text: '没有订单在等待这些商家编码。' });
  });

  it('lists five orders and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => item(i, 200 + i));
    expect(remapNotice({ continued: many, stillWaiting: [] }, en).text)
      .toBe('Re-mapped. Continued (7): order 200; order 201; order 202; order 203; order 204; and 2 more.');
  });
});

describe('remapError', () => {
  it('names the refused field in the language', () => {
    const e = new ApiError({ status: 400, title: 'Invalid', detail: 'One or more fields are invalid.', errors: { merchantCode: ['too long'] } });
    expect(remapError(e, translator('en'))).toBe('Re-map failed: Not valid: merchant code.');
    expect(remapError(e, translator('zh-CN'))).toBe('重新匹配失败：「商家编码」填写有误。');
    expect(remapError(new Error('offline'), translator('zh-CN'))).toBe('重新匹配失败：offline');
  });
});
