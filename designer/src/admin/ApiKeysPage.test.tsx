import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiKey } from '../api';
import { twoShops } from '../test/fixtures';
import { mockFetch } from '../test/fetchMock';
import { ApiKeysPage } from './ApiKeysPage';

const secret = 'ork_3f9ahk2mQ2d1e7b4a6f9c0d2e4f6a8b0c1dAbCdEfGhIjK';

/** Shop 1's keys kept in memory as the server would: the secret is in the create answer only, never in the list. */
function serve() {
  let keys: ApiKey[] = [{ id: 1, name: 'ERP sync', prefix: 'ork_aa11bb22', createdAt: '2026-11-20T08:00:00Z', createdBy: 'admin', revokedAt: null, revokedBy: null }];
  return mockFetch(call => {
    if (call.url.startsWith('/api/shops?')) return { body: twoShops };
    if (call.url === '/api/shops/1/api-keys' && call.method === 'GET') return { body: keys };
    if (call.url === '/api/shops/2/api-keys' && call.method === 'GET') return { body: [] };
    if (call.url === '/api/shops/1/api-keys' && call.method === 'POST') {
      const name = (call.body as { name: string }).name;
      keys = [...keys, { id: 2, name, prefix: 'ork_3f9ahk2m', createdAt: '2026-11-23T08:00:00Z', revokedAt: null }];
      return { status: 201, body: { id: 2, name, prefix: 'ork_3f9ahk2m', key: secret } };
    }
    if (call.url === '/api/shops/1/api-keys/1' && call.method === 'DELETE') {
      keys = keys.map(k => (k.id === 1 ? { ...k, revokedAt: '2026-11-23T09:00:00Z', revokedBy: 'admin' } : k));
      return { status: 204 };
    }
    return undefined;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ApiKeysPage', () => {
  it('creates a key and shows it once, with a warning and a copy button, until dismissed', async () => {
    const calls = serve();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ApiKeysPage />);
    expect(await screen.findByTestId('api-key-ERP sync')).toHaveTextContent('ork_aa11bb22…');
    fireEvent.change(screen.getByLabelText('密钥名称'), { target: { value: '聚水潭 bridge' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '创建密钥' })); });
    expect(calls.find(c => c.method === 'POST')).toMatchObject({ url: '/api/shops/1/api-keys', body: { name: '聚水潭 bridge' } });

    const shown = await screen.findByTestId('new-key');
    expect(shown).toHaveTextContent('请立即复制此密钥：它只显示这一次。');
    expect(within(shown).getByTestId('new-key-value')).toHaveTextContent(secret);
    await act(async () => { fireEvent.click(within(shown).getByRole('button', { name: '复制' })); });
    expect(writeText).toHaveBeenCalledWith(secret);
    expect(screen.getByRole('status')).toHaveTextContent('密钥已复制到剪贴板');
    // The list has the new key by its prefix only.
    expect(await screen.findByTestId('api-key-聚水潭 bridge')).toHaveTextContent('ork_3f9ahk2m…');
    expect(screen.getByTestId('api-key-聚水潭 bridge')).not.toHaveTextContent(secret);

    fireEvent.click(within(shown).getByRole('button', { name: '已复制，关闭' }));
    expect(screen.queryByTestId('new-key')).toBeNull();
    expect(document.body).not.toHaveTextContent(secret);
  });

  it('revokes a key only after confirmation', async () => {
    const calls = serve();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<ApiKeysPage />);
    const row = await screen.findByTestId('api-key-ERP sync');
    fireEvent.click(within(row).getByRole('button', { name: '吊销' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('吊销「ERP sync」'));
    expect(calls.some(c => c.method === 'DELETE')).toBe(false);

    confirm.mockReturnValue(true);
    await act(async () => { fireEvent.click(within(row).getByRole('button', { name: '吊销' })); });
    expect(calls.find(c => c.method === 'DELETE')!.url).toBe('/api/shops/1/api-keys/1');
    await waitFor(() => expect(screen.getByTestId('api-key-ERP sync')).toHaveTextContent(/已于 .* 由 admin 吊销/));
    expect(within(screen.getByTestId('api-key-ERP sync')).queryByRole('button', { name: '吊销' })).toBeNull();
  });

  it("switches to another shop's keys and forgets a shown key", async () => {
    serve();
    render(<ApiKeysPage />);
    await screen.findByTestId('api-key-ERP sync');
    fireEvent.change(screen.getByLabelText('密钥名称'), { target: { value: 'tmp' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '创建密钥' })); });
    await screen.findByTestId('new-key');
    fireEvent.change(screen.getByLabelText('店铺'), { target: { value: '2' } });
    expect(await screen.findByText('本店铺还没有密钥。')).toBeInTheDocument();
    expect(screen.queryByTestId('new-key')).toBeNull();
  });

  it('says 加载中… while the keys load, not an empty table', async () => {
    // Every key list asked for waits until released, and one asked for after that answers at once: the page may ask
    // again once the shops arrive, and an answer kept for the first request only left the second waiting (a flaky CI run).
    let released = false;
    const waiting: (() => void)[] = [];
    mockFetch(call => (call.url.startsWith('/api/shops?') ? { body: twoShops } : undefined));
    const fetchOnce = globalThis.fetch;
    vi.stubGlobal('fetch', vi.fn((input: string, init?: RequestInit) => (String(input).includes('/api-keys')
      ? new Promise<Response>(resolve => {
        const answer = () => resolve(new Response('[]', { status: 200 }));
        if (released) answer(); else waiting.push(answer);
      })
      : fetchOnce(input, init))));
    render(<ApiKeysPage />);
    expect(await screen.findByText('加载中…')).toBeInTheDocument();
    await act(async () => { released = true; waiting.splice(0).forEach(answer => answer()); });
    expect(await screen.findByText('本店铺还没有密钥。')).toBeInTheDocument();
    expect(screen.queryByText('加载中…')).toBeNull();
  });
});
