import { describe, expect, it } from 'vitest';
import type { ExceptionCounts } from '../api';
import { kindTabs, queueCount, stateTabs } from './queueTabs';

const counts: ExceptionCounts = {
  open: 3, resolved: 5,
  openKinds: { AddressProblem: 2, OutOfStock: 1, Other: 0 },
  resolvedKinds: { AddressProblem: 1, Other: 4 },
};

describe('the exception queue\'s tabs', () => {
  it('count a state, a kind in a state, and all as open plus resolved', () => {
    expect(stateTabs.map(tab => queueCount(counts, tab.state))).toEqual([3, 5, 8]);
    expect(stateTabs.map(tab => queueCount(counts, tab.state, 'AddressProblem'))).toEqual([2, 1, 3]);
    expect(queueCount(counts, 'open', 'RefundRequested')).toBe(0);
  });

  it('offer the kinds a state holds, in the filter\'s order, and keep the chosen one when it has none left', () => {
    expect(kindTabs(counts, 'open', '')).toEqual(['AddressProblem', 'OutOfStock']);
    expect(kindTabs(counts, 'resolved', 'OutOfStock')).toEqual(['AddressProblem', 'OutOfStock', 'Other']);
    expect(kindTabs(counts, 'all', '')).toEqual(['AddressProblem', 'OutOfStock', 'Other']);
    expect(kindTabs(null, 'open', 'Other')).toEqual(['Other']);
  });
});
