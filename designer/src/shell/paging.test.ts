import { describe, expect, it } from 'vitest';
import { shownTotal } from './paging';

describe('shownTotal', () => {
  it('is the server count when known, so a heading says the backlog and not the page', () => {
    expect(shownTotal(200, 5000)).toBe(5000);
  });

  it('is the loaded rows while the count is not in yet', () => {
    expect(shownTotal(12, null)).toBe(12);
    expect(shownTotal(12, undefined)).toBe(12);
  });

  it('never says less than what is on screen when the count lags behind', () => {
    expect(shownTotal(3, 2)).toBe(3);
  });
});
