import { afterEach, describe, expect, it, vi } from 'vitest';
import { addLeaveGuard, navigate } from './router';

afterEach(() => vi.restoreAllMocks());

describe('leave guard', () => {
  it('asks before leaving unsaved work and stays when the user says no', () => {
    window.history.replaceState(null, '', '/workflows/sales-order');
    let dirty = true;
    const remove = addLeaveGuard(() => (dirty ? 'unsaved changes' : null));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    expect(navigate('/rules')).toBe(false);
    expect(confirm).toHaveBeenCalledWith('unsaved changes');
    expect(window.location.pathname).toBe('/workflows/sales-order');

    confirm.mockReturnValue(true);
    expect(navigate('/rules')).toBe(true);
    expect(window.location.pathname).toBe('/rules');

    dirty = false;
    confirm.mockClear();
    expect(navigate('/inbox')).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    remove();
  });

  it('warns the browser on reload or close while work is unsaved', () => {
    const remove = addLeaveGuard(() => 'unsaved');
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    remove();
    const calm = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(calm);
    expect(calm.defaultPrevented).toBe(false);
  });
});
