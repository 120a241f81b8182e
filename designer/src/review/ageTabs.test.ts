import { describe, expect, it } from 'vitest';
import { ageTabCount, ageTabs } from './ageTabs';

describe('the inbox\'s age tabs', () => {
  it('are the ages the server counts, each counted by its minutes, and all by the total', () => {
    const counts = { total: 9, olderThanMinutes: { 30: 5, 120: 3, 1440: 1 } };
    expect(ageTabs.map(tab => tab.olderThanMinutes)).toEqual([undefined, 30, 120, 1440]);
    expect(ageTabs.map(tab => ageTabCount(tab, counts))).toEqual([9, 5, 3, 1]);
  });

  it('count an age the server did not answer as none', () => {
    expect(ageTabCount(ageTabs[3], { total: 2, olderThanMinutes: {} })).toBe(0);
  });
});
