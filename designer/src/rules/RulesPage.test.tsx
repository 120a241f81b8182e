import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewRule, RuleSet } from '../api';
import { fields, shops } from '../test/fixtures';
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
    expect(screen.getByTestId('rule-a')).toHaveTextContent('buyerMessage contains “发票”');

    await act(async () => { fireEvent.click(screen.getByLabelText('Move 开专票 up')); });
    await waitFor(() => expect(screen.getAllByTestId(/^rule-/).map(r => r.dataset.testid)).toEqual(['rule-b', 'rule-a']));
    expect(calls.find(c => c.url.endsWith('rules:reorder'))!.body).toEqual({ version: 4, ruleIds: ['b', 'a'] });
    expect(screen.getByRole('status')).toHaveTextContent('rule set v5');
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
    await act(async () => { fireEvent.click(screen.getByLabelText('Enable 发票')); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Someone changed these rules meanwhile (now v6)'));
    expect(screen.getByText('rule set v6')).toBeInTheDocument();
  });

  it('will not create a rule without a name, a reason or a complete condition', async () => {
    const calls = serve(call => {
      if (call.url === '/api/shops/1/rules' && call.method === 'GET') return { body: { scope: 'Shop', scopeId: 1, version: 0, rules: [] } };
      return undefined;
    });
    render(<RulesPage />);
    await screen.findByText(/No rules yet/);
    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create rule' }));
    const problems = screen.getAllByRole('alert').map(a => a.textContent).join(' ');
    expect(problems).toContain('Name the rule');
    expect(problems).toContain('A reason is required');
    expect(problems).toContain('Enter a value.');
    expect(calls.some(c => c.method === 'POST')).toBe(false);
  });
});
