import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { mockFetch } from './test/fetchMock';

afterEach(() => vi.unstubAllGlobals());

describe('api.orders', () => {
  it('asks for the page by the name the server reads (page), so page 2 is not page 1 again', async () => {
    const calls = mockFetch(() => ({ body: { items: [], pageNumber: 2, pageSize: 50, total: 60 } }));

    await api.orders({ shopId: 3, page: 2 });

    const query = new URL(calls[0].url, 'http://x').searchParams;
    expect(query.get('page')).toBe('2');
    expect(query.get('shopId')).toBe('3');
    expect(query.has('pageNumber')).toBe(false);
  });
});
