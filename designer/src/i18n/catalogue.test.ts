import { describe, expect, it } from 'vitest';
import { catalogues, interpolate, languages, placeholders, translator } from '.';

const [zh, en] = [catalogues['zh-CN'], catalogues.en];
const keysOf = (messages: object) => Object.keys(messages).sort();

describe('message catalogue', () => {
  it('has every key in both languages and nothing extra in either', () => {
    expect(keysOf(en)).toEqual(keysOf(zh));
    expect(languages.map(l => l.lang)).toEqual(['zh-CN', 'en']);
  });

  it('has no empty text', () => {
    for (const messages of [zh, en]) {
      const empty = Object.entries(messages).filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const differing = Object.keys(zh).filter(key => {
      const k = key as keyof typeof zh;
      return placeholders(zh[k]).sort().join() !== placeholders(en[k]).sort().join();
    });
    expect(differing).toEqual([]);
  });

  it('says Chinese in the Chinese catalogue, apart from product names and codes', () => {
    const allowed = /^(API|JSON|CSV|BOM|UTF|ERP|ms|kg|HTTP|v|Enter|SKU|[a-z]\/[a-z]|[a-z]|[↑↓←→/·_.@'\-!?:()（）%{}\s\d+…]+)$/;
    const english = Object.entries(zh).filter(([, text]) => text.replace(/\{\w+\}/g, '').split(/[^A-Za-z]+/).filter(Boolean)
      .some(word => !allowed.test(word))).map(([key]) => key);
    expect(english).toEqual([]);
  });
});

describe('t', () => {
  it('fills placeholders and leaves one it was not given as written', () => {
    expect(interpolate('订单 {order} 已由 {by} 处理', { order: 'TB-1', by: '客服小王' })).toBe('订单 TB-1 已由 客服小王 处理');
    expect(interpolate('第 {page} 页', {})).toBe('第 {page} 页');
    expect(translator('zh-CN')('orders.page', { page: 2 })).toBe('第 2 页');
    expect(translator('en')('orders.page', { page: 2 })).toBe('Page 2');
  });

  it('names domain codes it knows and shows an unknown one as the code', () => {
    const t = translator('zh-CN');
    expect(t.term('orderStatus', 'PendingReview')).toBe('待审核');
    expect(t.term('action', 'Block')).toBe('满足条件阻止');
    expect(t.term('activity', 'Verify')).toBe('验货出库');
    expect(t.term('orderStatus', 'Teleported')).toBe('Teleported');
    expect(t.knows('exceptionKind', 'OutOfStock')).toBe(true);
  });
});
