import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowDefinitionVersion } from '../api';
import { mockFetch } from '../test/fetchMock';
import { VersionHistory } from './VersionHistory';

afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

const version = (n: number, state: string, publishedBy: string | null, source = 'api'): WorkflowDefinitionVersion => ({
  version: n, state, name: `第${n}版`, source, createdAt: '2026-12-01T08:00:00Z',
  publishedAt: state === 'Draft' ? null : `2026-12-0${n}T09:30:00Z`, publishedBy, contentHash: `h${n}`,
});
const before = [version(2, 'Published', 'ops.zhang'), version(1, 'Retired', 'admin')];
const after = [version(3, 'Published', 'ops.li', 'rollback:v1'), ...before.map(v => ({ ...v, state: 'Retired' }))];

describe('VersionHistory', () => {
  it('says when and by whom each version was published, and offers to roll back only to an earlier one', async () => {
    mockFetch(call => (call.url === '/api/workflow-definitions/express/versions' ? { body: before } : undefined));
    render(<VersionHistory definitionId="express" refreshKey="1" blocked={null} onRolledBack={vi.fn()} onError={vi.fn()} />);

    const v1 = await screen.findByTestId('version-1');
    expect(within(v1).getByTestId('published-1')).toHaveTextContent(/.+ 由 admin 发布/);
    expect(screen.getByTestId('published-2')).toHaveTextContent('由 ops.zhang 发布');
    expect(within(v1).getByRole('button', { name: '回滚到 v1' })).toBeEnabled();
    expect(within(screen.getByTestId('version-2')).queryByRole('button')).toBeNull();
    // States in the screen's language, the server's code as the tooltip.
    expect(within(v1).getByTitle('Retired')).toHaveTextContent('已停用');
    expect(within(screen.getByTestId('version-2')).getByTitle('Published')).toHaveTextContent('已发布');
  });

  it('rolls back after confirming, then lists the new version with who published it', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    let rolled = false;
    const calls = mockFetch(call => {
      if (call.url === '/api/workflow-definitions/express/versions/1:republish' && call.method === 'POST') {
        rolled = true;
        return { body: { definitionId: 'express', version: 3, source: 'rollback:v1', state: 'Published' } };
      }
      if (call.url === '/api/workflow-definitions/express/versions') return { body: rolled ? after : before };
      return undefined;
    });
    const onRolledBack = vi.fn();
    render(<VersionHistory definitionId="express" refreshKey="1" blocked={null} onRolledBack={onRolledBack} onError={vi.fn()} />);

    const button = await screen.findByRole('button', { name: '回滚到 v1' });
    await act(async () => { fireEvent.click(button); });

    expect(window.confirm).toHaveBeenCalledWith('把版本 1 的内容重新发布为新版本？此后新订单将按它执行。');
    expect(calls.filter(c => c.method === 'POST')).toHaveLength(1);
    expect(onRolledBack).toHaveBeenCalledWith(expect.objectContaining({ version: 3 }));
    expect(await screen.findByTestId('published-3')).toHaveTextContent('由 ops.li 发布');
    expect(screen.getByTestId('version-3')).toHaveTextContent('回滚到 v1');
  });

  it('does nothing when the confirmation is declined, and cannot roll back over unsaved changes', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    const calls = mockFetch(call => (call.url === '/api/workflow-definitions/express/versions' ? { body: before } : undefined));
    const { rerender } = render(<VersionHistory definitionId="express" refreshKey="1" blocked={null} onRolledBack={vi.fn()} onError={vi.fn()} />);

    const button = await screen.findByRole('button', { name: '回滚到 v1' });
    await act(async () => { fireEvent.click(button); });
    expect(calls.some(c => c.method === 'POST')).toBe(false);

    rerender(<VersionHistory definitionId="express" refreshKey="1" blocked="回滚前请先保存或撤销你的修改。" onRolledBack={vi.fn()} onError={vi.fn()} />);
    expect(screen.getByRole('button', { name: '回滚到 v1' })).toBeDisabled();
    expect(screen.getByText('回滚前请先保存或撤销你的修改。')).toBeInTheDocument();
  });

  it('hands a refused rollback to the editor to show', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    mockFetch(call => {
      if (call.method === 'POST') return { status: 409, body: { title: 'Not allowed', status: 409, detail: 'Version 1 of express is already the published version.' } };
      return { body: before };
    });
    const onError = vi.fn();
    render(<VersionHistory definitionId="express" refreshKey="1" blocked={null} onRolledBack={vi.fn()} onError={onError} />);

    const button = await screen.findByRole('button', { name: '回滚到 v1' });
    await act(async () => { fireEvent.click(button); });

    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 409 }));
  });
});
