import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExceptionEntry } from '../api';
import { shops } from '../test/fixtures';
import { mockFetch } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { ExceptionsPage } from './ExceptionsPage';
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
      if (call.url.startsWith('/api/shops')) return { body: shops };
      return undefined;
    });
    render(<ExceptionsPage />);

    const bySomeone = await screen.findByTestId('exception-TB-7');
    expect(bySomeone).toHaveTextContent('Raised by客服小李');
    expect(bySomeone).toHaveTextContent('review-exception (set aside)');
    const byWorkflow = screen.getByTestId('exception-TB-8');
    expect(byWorkflow).toHaveTextContent('Raised bythe workflow');
    expect(byWorkflow).toHaveTextContent('await-resolution (workflow wait)');
    expect(byWorkflow).not.toHaveTextContent('Raised byworkflow ·');
  });

  it('treats a missing or "workflow" raiser as the workflow, and a hold as set aside whoever raised it', () => {
    expect(raisedByText({ raisedBy: null })).toBe('the workflow');
    expect(raisedByText({ raisedBy: 'workflow' })).toBe('the workflow');
    expect(raisedByText({ raisedBy: 'platform' })).toBe('platform');
    expect(setAsideByPerson({ raisedBy: 'platform', source: 'Hold' })).toBe(true);
    expect(setAsideByPerson({ raisedBy: 'workflow', source: 'Workflow' })).toBe(false);
    expect(setAsideByPerson({ raisedBy: '客服小李', source: 'Workflow' })).toBe(true);
  });
});
