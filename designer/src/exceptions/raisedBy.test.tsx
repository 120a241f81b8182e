import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExceptionEntry } from '../api';
import { exceptionCountsOf, shops } from '../test/fixtures';
import { mockFetch } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { ExceptionsPage } from './ExceptionsPage';
import { translator } from '../i18n';
import { raisedByText, setAsideByPerson } from './raisedBy';

const entry = (id: number, platformOrderId: string, more: Partial<ExceptionEntry>): ExceptionEntry => ({
  id, orderId: id + 100, shopId: 1, platformOrderId, kind: 'RuleMatched', detail: 'Set aside by the reviewer: 地址待核实', source: 'Workflow',
  stage: 'review-exception', orderStatus: 'Exception', raisedBy: 'workflow', raisedAt: '2026-11-23T08:00:00Z', ageMinutes: 5,
  resolvedAt: null, resolvedBy: null, resolution: null, ...more,
});

beforeEach(() => { signedInAs(['Reviewer'], [1]); });
afterEach(() => vi.unstubAllGlobals());

describe('who raised an exception entry', () => {
  it('names the reviewer who set the order aside through review, and calls it set aside, not a workflow wait', async () => {
    const queue = [entry(7, 'TB-7', { raisedBy: '客服小李' }), entry(8, 'TB-8', { kind: 'NoWarehouse', detail: '', stage: 'await-resolution' })];
    mockFetch(call => {
      if (call.url.startsWith('/api/exceptions?')) return { body: { items: queue, pageNumber: 1, pageSize: 200, total: queue.length } };
      if (call.url.startsWith('/api/exceptions/counts')) return { body: exceptionCountsOf(queue) };
      if (call.url.startsWith('/api/shops')) return { body: shops };
      return undefined;
    });
    render(<ExceptionsPage />);

    const bySomeone = await screen.findByTestId('exception-TB-7');
    expect(bySomeone).toHaveTextContent('发起人客服小李');
    expect(bySomeone).toHaveTextContent('review-exception (人工转异常)');
    const byWorkflow = screen.getByTestId('exception-TB-8');
    expect(byWorkflow).toHaveTextContent('发起人流程');
    expect(byWorkflow).toHaveTextContent('await-resolution (流程等待)');
    expect(byWorkflow).not.toHaveTextContent('发起人workflow ·');
  });

  it('treats a missing or "workflow" raiser as the workflow, and a hold as set aside whoever raised it', () => {
    const en = translator('en');
    expect(raisedByText({ raisedBy: null }, en)).toBe('the workflow');
    expect(raisedByText({ raisedBy: 'workflow' }, en)).toBe('the workflow');
    expect(raisedByText({ raisedBy: 'workflow' }, translator('zh-CN'))).toBe('流程');
    expect(raisedByText({ raisedBy: 'platform' }, en)).toBe('platform');
    expect(setAsideByPerson({ raisedBy: 'platform', source: 'Hold' })).toBe(true);
    expect(setAsideByPerson({ raisedBy: 'workflow', source: 'Workflow' })).toBe(false);
    expect(setAsideByPerson({ raisedBy: '客服小李', source: 'Workflow' })).toBe(true);
  });
});
