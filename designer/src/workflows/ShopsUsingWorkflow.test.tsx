import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { twoShops } from '../test/fixtures';
import { mockFetch } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { ShopsUsingWorkflow } from './ShopsUsingWorkflow';

afterEach(() => vi.unstubAllGlobals());

describe('ShopsUsingWorkflow', () => {
  it('lets an ops lead point a shop at the published workflow', async () => {
    signedInAs(['OpsLead'], [], '运营小张');
    const calls = mockFetch(call => {
      if (call.url.startsWith('/api/shops?')) return { body: twoShops };
      if (call.url === '/api/shops/2/workflow' && call.method === 'PUT') return { body: { ...twoShops.items[1], workflowDefinitionId: 'express', version: 2 } };
      return undefined;
    });
    render(<ShopsUsingWorkflow definitionId="express" published />);
    const jd = await screen.findByLabelText('茶语京东自营店 使用此流程');
    expect(jd).toBeEnabled();
    await act(async () => { fireEvent.click(jd); });
    expect(calls.find(c => c.method === 'PUT')).toMatchObject({
      url: '/api/shops/2/workflow', body: { workflowDefinitionId: 'express', version: twoShops.items[1].version },
    });
    await waitFor(() => expect(screen.getByLabelText('茶语京东自营店 使用此流程')).toBeChecked());
  });

  it('shows a reviewer which shops run it, read-only', async () => {
    signedInAs(['Reviewer'], [1], '客服小李');
    mockFetch(call => (call.url.startsWith('/api/shops?') ? { body: { items: [{ ...twoShops.items[0], workflowDefinitionId: 'express' }, twoShops.items[1]] } } : undefined));
    render(<ShopsUsingWorkflow definitionId="express" published />);
    const tb = await screen.findByLabelText('茶语旗舰店 (淘宝) 使用此流程');
    expect(tb).toBeChecked();
    expect(tb).toBeDisabled();
    expect(screen.getByLabelText('茶语京东自营店 使用此流程')).toBeDisabled();
    expect(screen.getByText('由运营主管选择使用此流程的店铺。')).toBeInTheDocument();
  });
});
