import { describe, expect, it } from 'vitest';
import { allOrNone, toggled } from './selection';

describe('selection', () => {
  it('toggles one id in and out without changing the set it was given', () => {
    const start = new Set([1]);
    expect([...toggled(start, 2)]).toEqual([1, 2]);
    expect([...toggled(start, 1)]).toEqual([]);
    expect([...start]).toEqual([1]);
  });

  it('selects the whole page unless all of it already is, then none', () => {
    expect([...allOrNone(new Set([1]), [1, 2, 3])]).toEqual([1, 2, 3]);
    expect([...allOrNone(new Set([1, 2, 3]), [1, 2, 3])]).toEqual([]);
    expect([...allOrNone(new Set(), [])]).toEqual([]);
  });
});
