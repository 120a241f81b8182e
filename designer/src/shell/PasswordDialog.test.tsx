import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../test/fetchMock';
import { PasswordDialog } from './PasswordDialog';

afterEach(() => vi.unstubAllGlobals());

function fill(current: string, next: string, again = next) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: again } });
}

describe('PasswordDialog', () => {
  it('sends the current and the new password and says it is done', async () => {
    const calls = mockFetch(call => (call.url === '/api/auth/password' ? { status: 204 } : undefined));
    render(<PasswordDialog onClose={() => {}} />);
    fill('old-password', 'a-new-passphrase');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '修改密码' })); });
    expect(calls.find(c => c.url === '/api/auth/password')).toMatchObject({
      method: 'POST', body: { currentPassword: 'old-password', newPassword: 'a-new-passphrase' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('密码已修改');
  });

  it('names the field the server refused, its words as the tooltip, and refuses differing new ones before sending', async () => {
    const calls = mockFetch(call => (call.url === '/api/auth/password'
      ? { status: 400, body: { title: 'One or more validation errors occurred.', errors: { currentPassword: ['The current password is wrong.'] } } }
      : undefined));
    render(<PasswordDialog onClose={() => {}} />);
    fill('old-password', 'a-new-passphrase', 'another-passphrase');
    expect(screen.getByRole('alert')).toHaveTextContent('两次输入的新密码不一致。');
    expect(screen.getByRole('button', { name: '修改密码' })).toBeDisabled();

    fill('wrong-password', 'a-new-passphrase');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '修改密码' })); });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('「当前密码」填写有误。');
    expect(alert).toHaveAttribute('title', 'One or more validation errors occurred.\ncurrentPassword: The current password is wrong.');
    expect(calls.filter(c => c.url === '/api/auth/password')).toHaveLength(1);
  });
});
