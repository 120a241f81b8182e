import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImpactPreview, ReviewRule, RuleSet, RuleTestResult } from '../api';
import { fields, shops, twoShops } from '../test/fixtures';
import { mockFetch, type Call } from '../test/fetchMock';
import { RulesPage } from './RulesPage';

const rule = (id: string, name: string, priority: number): ReviewRule => ({
  id, name, enabled: true, priority, when: { all: [{ field: 'buyerMessage', operator: 'contains', value: name }] }, action: { type: 'Block', reason: name },
});

afterEach(() => vi.unstubAllGlobals());

/** The shop list, the field whitelist and an empty order list, plus what a test answers itself. */
function serve(answer: (call: Call) => { status?: number; body?: unknown } | undefined) {
  return mockFetch(call => {
    if (call.url.startsWith('/api/shops?')) return { body: shops };
    if (call.url === '/api/rules/fields') return { body: fields };
    if (call.url.startsWith('/api/orders')) return { body: { items: [], pageNumber: 1, pageSize: 50, total: 0 } };
    return answer(call);
  });
}

describe('RulesPage', () => {
  it('drops the first shop\'s rules when they arrive after the shop picked since', async () => {
    let releaseFirst: () => void = () => {};
    const first = new Promise<void>(resolve => { releaseFirst = resolve; });
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      const url = String(input);
      if (url.startsWith('/api/shops?')) return json(twoShops);
      if (url === '/api/rules/fields') return json(fields);
      if (url === '/api/shops/1/rules') {
        await first;
        return json({ scope: 'Shop', scopeId: 1, version: 7, rules: [rule('one', '一号店规则', 10)] } satisfies RuleSet);
      }
      if (url === '/api/shops/2/rules') return json({ scope: 'Shop', scopeId: 2, version: 0, rules: [rule('two', '二号店规则', 10)] } satisfies RuleSet);
      throw new Error(`unexpected request ${url}`);
    }));
    render(<RulesPage />);
    const picker = await screen.findByLabelText('店铺');
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(2));
    await act(async () => { fireEvent.change(picker, { target: { value: '2' } }); });
    await screen.findByTestId('rule-two');

    await act(async () => { releaseFirst(); await first; });

    await waitFor(() => expect(screen.getByTestId('rule-two')).toBeInTheDocument());
    expect(screen.queryByTestId('rule-one')).toBeNull();
  });

  it('lists rules by priority and moves one up with the version it read', async () => {
    let set: RuleSet = { scope: 'Shop', scopeId: 1, version: 4, rules: [rule('b', '开专票', 20), rule('a', '发票', 10)] };
    const calls = serve(call => {
      if (call.url === '/api/shops/1/rules') return { body: set };
      if (call.url === '/api/shops/1/rules:reorder') {
        set = { ...set, version: 5, rules: [rule('b', '开专票', 10), rule('a', '发票', 20)] };
        return { body: set };
      }
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-a');
    expect(screen.getAllByTestId(/^rule-/).map(r => r.dataset.testid)).toEqual(['rule-a', 'rule-b']);
    expect(screen.getByTestId('rule-a')).toHaveTextContent('买家留言 包含 “发票”');

    await act(async () => { fireEvent.click(screen.getByLabelText('上移 开专票')); });
    await waitFor(() => expect(screen.getAllByTestId(/^rule-/).map(r => r.dataset.testid)).toEqual(['rule-b', 'rule-a']));
    expect(calls.find(c => c.url.endsWith('rules:reorder'))!.body).toEqual({ version: 4, ruleIds: ['b', 'a'] });
    expect(screen.getByRole('status')).toHaveTextContent('规则集 v5');
  });

  it('reorders by dragging a row onto another', async () => {
    let set: RuleSet = { scope: 'Shop', scopeId: 1, version: 2, rules: [rule('a', '发票', 10), rule('b', '开专票', 20), rule('c', '加急', 30)] };
    const calls = serve(call => {
      if (call.url === '/api/shops/1/rules') return { body: set };
      if (call.url === '/api/shops/1/rules:reorder') {
        const ids = (call.body as { ruleIds: string[] }).ruleIds;
        set = { ...set, version: 3, rules: ids.map((id, i) => ({ ...set.rules.find(r => r.id === id)!, priority: (i + 1) * 10 })) };
        return { body: set };
      }
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-c');
    const dataTransfer = { setData: () => {}, effectAllowed: '' };
    fireEvent.dragStart(screen.getByTestId('rule-c'), { dataTransfer });
    fireEvent.dragOver(screen.getByTestId('rule-a'), { dataTransfer });
    await act(async () => { fireEvent.drop(screen.getByTestId('rule-a'), { dataTransfer }); });
    await waitFor(() => expect(screen.getAllByTestId(/^rule-/).map(r => r.dataset.testid)).toEqual(['rule-c', 'rule-a', 'rule-b']));
    expect(calls.find(c => c.url.endsWith('rules:reorder'))!.body).toEqual({ version: 2, ruleIds: ['c', 'a', 'b'] });
  });

  it('says when someone else changed the rules meanwhile and reloads them', async () => {
    let version = 4;
    serve(call => {
      if (call.url === '/api/shops/1/rules') return { body: { scope: 'Shop', scopeId: 1, version, rules: [rule('a', '发票', 10)] } };
      if (call.url === '/api/shops/1/rules/a:disable') {
        version = 6;
        return { status: 409, body: { status: 409, title: 'Version conflict', currentVersion: 6 } };
      }
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-a');
    await act(async () => { fireEvent.click(screen.getByLabelText('启用 发票')); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('规则已被他人修改（现为 v6）'));
    expect(screen.getByText('规则集 v6')).toBeInTheDocument();
  });

  it('will not create a rule without a name, a reason or a complete condition', async () => {
    const calls = serve(call => {
      if (call.url === '/api/shops/1/rules' && call.method === 'GET') return { body: { scope: 'Shop', scopeId: 1, version: 0, rules: [] } };
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByText(/还没有规则/);
    fireEvent.click(screen.getByRole('button', { name: '新建规则' }));
    fireEvent.click(screen.getByRole('button', { name: '预览影响' }));
    const problems = screen.getAllByRole('alert').map(a => a.textContent).join(' ');
    expect(problems).toContain('请为规则命名');
    expect(problems).toContain('必须填写原因');
    expect(problems).toContain('请输入值。');
    expect(calls.some(c => c.method === 'POST')).toBe(false);
  });

  const preview: ImpactPreview = {
    examined: 500,
    changed: 15,
    summary: 'blocks 12 more, approves 3 fewer',
    counts: { current: { Approve: 480, Hold: 0, Block: 20, RouteToException: 0 }, draft: { Approve: 477, Hold: 0, Block: 23, RouteToException: 0 } },
    transitions: [{ from: 'Approve', to: 'Block', count: 12 }, { from: 'Block', to: 'Approve', count: 3 }],
    examples: [{ orderId: 41, platformOrderId: 'TB-41', from: 'Approve', to: 'Block', reasons: ['发票: 发票'] }],
  };

  it('previews the impact of an edit before publishing it with the version it read', async () => {
    let set: RuleSet = { scope: 'Shop', scopeId: 1, version: 4, rules: [rule('a', '发票', 10)] };
    const calls = serve(call => {
      if (call.url === '/api/shops/1/rules' && call.method === 'GET') return { body: set };
      if (call.url === '/api/shops/1/rules:preview') return { body: preview };
      if (call.url === '/api/shops/1/rules/a' && call.method === 'PUT') {
        set = { ...set, version: 5, rules: [(call.body as { rule: ReviewRule }).rule] };
        return { body: set };
      }
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-a');
    fireEvent.click(screen.getByRole('button', { name: '编辑' }));
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '专票' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '预览影响' })); });

    const panel = await screen.findByTestId('impact-preview');
    expect(screen.getByTestId('impact-summary')).toHaveTextContent('通过少 3 单，拦截多 3 单');
    expect(screen.getByTestId('impact-summary')).toHaveAttribute('title', 'blocks 12 more, approves 3 fewer');
    expect(panel).toHaveTextContent('最近 500 单中有 15 单的审核结果会改变。');
    expect(screen.getAllByTestId('impact-transition').map(t => t.textContent)).toEqual(['通过 → 拦截：12', '拦截 → 通过：3']);
    expect(screen.getByRole('link', { name: 'TB-41' })).toHaveAttribute('href', '/orders/41');
    const edited = { ...rule('a', '发票', 10), when: { all: [{ field: 'buyerMessage', operator: 'contains', value: '专票' }] } };
    expect(calls.find(c => c.url.endsWith('rules:preview'))!.body).toEqual({ rule: edited });
    expect(calls.some(c => c.method === 'PUT')).toBe(false);

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '发布' })); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('规则集 v5'));
    expect(calls.find(c => c.method === 'PUT')!.body).toEqual({ version: 4, rule: edited });
    expect(screen.queryByTestId('impact-preview')).toBeNull();
    expect(screen.queryByRole('form', { name: '规则编辑' })).toBeNull();
  });

  it('cancelling the preview publishes nothing and keeps the edit; changing the rule drops a stale preview', async () => {
    const calls = serve(call => {
      if (call.url === '/api/shops/1/rules' && call.method === 'GET') return { body: { scope: 'Shop', scopeId: 1, version: 4, rules: [rule('a', '发票', 10)] } };
      if (call.url === '/api/shops/1/rules:preview') return { body: preview };
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-a');
    fireEvent.click(screen.getByRole('button', { name: '编辑' }));
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '专票' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '预览影响' })); });
    await screen.findByTestId('impact-summary');

    fireEvent.click(within(screen.getByTestId('impact-preview')).getByRole('button', { name: '取消' }));
    expect(screen.queryByTestId('impact-preview')).toBeNull();
    expect(screen.getByLabelText('值')).toHaveValue('专票');

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '预览影响' })); });
    await screen.findByTestId('impact-summary');
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '普票' } });
    expect(screen.queryByTestId('impact-preview')).toBeNull();
    expect(calls.some(c => c.method === 'PUT' || (c.method === 'POST' && c.url.endsWith('/rules')))).toBe(false);
  });

  it('says why a preview failed, naming the field', async () => {
    serve(call => {
      if (call.url === '/api/shops/1/rules' && call.method === 'GET') return { body: { scope: 'Shop', scopeId: 1, version: 4, rules: [rule('a', '发票', 10)] } };
      if (call.url === '/api/shops/1/rules:preview') {
        return { status: 400, body: { status: 400, title: 'One or more validation errors occurred.', errors: { 'rule.when.all[0].value': ['Rule \'a\': not a number.'] } } };
      }
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-a');
    fireEvent.click(screen.getByRole('button', { name: '编辑' }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '预览影响' })); });
    await waitFor(() => expect(screen.getByTestId('impact-preview')).toHaveTextContent('rule.when.all[0].value'));
  });

  const decision = (draft: boolean): RuleTestResult => ({
    decision: 'Block', reasons: ['发票: 发票'], holdUntil: null, builtIn: null, draft, facts: {},
    platform: { version: null, verdict: 'Approve', rules: [], warnings: [] },
    shop: {
      version: draft ? null : 4, verdict: 'Block', warnings: [],
      rules: [{ ruleId: 'a', name: '发票', priority: 10, action: 'Block', matched: true, considered: true, reason: '发票: 发票', holdUntil: null,
        conditions: [{ path: 'rules[0].when.all[0]', field: 'buyerMessage', operator: 'contains', expected: '专票', actual: '请开专票', matched: true }] }],
    },
  });

  it('dry-runs the rule being edited, unsaved, and can leave it out', async () => {
    const calls = serve(call => {
      if (call.url === '/api/shops/1/rules' && call.method === 'GET') return { body: { scope: 'Shop', scopeId: 1, version: 4, rules: [rule('a', '发票', 10)] } };
      if (call.url === '/api/shops/1/rules:test') return { body: decision((call.body as { rule?: unknown }).rule !== undefined) };
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-a');
    fireEvent.click(screen.getByRole('button', { name: '编辑' }));
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '专票' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '运行' })); });

    await screen.findByTestId('dry-run-draft');
    const sent = calls.filter(c => c.url.endsWith('rules:test'));
    expect((sent[0].body as { rule: ReviewRule }).rule.when).toEqual({ all: [{ field: 'buyerMessage', operator: 'contains', value: '专票' }] });
    expect(screen.getByTestId('dry-run-result')).toHaveTextContent('店铺规则 草稿');

    fireEvent.click(screen.getByRole('checkbox', { name: /使用未保存的规则/ }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '运行' })); });
    await waitFor(() => expect(screen.queryByTestId('dry-run-draft')).toBeNull());
    expect(calls.filter(c => c.url.endsWith('rules:test'))[1].body).not.toHaveProperty('rule');
  });

  it('clears the last result when the pasted order is not JSON', async () => {
    serve(call => {
      if (call.url === '/api/shops/1/rules' && call.method === 'GET') return { body: { scope: 'Shop', scopeId: 1, version: 4, rules: [rule('a', '发票', 10)] } };
      if (call.url === '/api/shops/1/rules:test') return { body: decision(false) };
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByTestId('rule-a');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '运行' })); });
    await screen.findByTestId('dry-run-result');
    expect(screen.getByTestId('rule-a')).toHaveClass('matched');

    fireEvent.change(screen.getByLabelText('订单 JSON'), { target: { value: '{ "payment": ' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '运行' })); });
    expect(screen.getByRole('alert')).toHaveTextContent('订单不是有效的 JSON。');
    expect(screen.queryByTestId('dry-run-result')).toBeNull();
    expect(screen.getByTestId('rule-a')).not.toHaveClass('matched');
  });
});
