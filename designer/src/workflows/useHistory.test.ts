import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useHistory } from './useHistory';

describe('useHistory', () => {
  it('undoes and redoes recorded steps, not unrecorded ones, and a new step clears redo', () => {
    const { result } = renderHook(() => useHistory({ n: 0 }));
    act(() => result.current.set({ n: 1 }));
    act(() => result.current.set({ n: 2 }));
    act(() => result.current.set(s => ({ n: s.n + 0.5 }), false)); // e.g. a drag in progress
    expect(result.current.present).toEqual({ n: 2.5 });
    act(() => result.current.undo());
    expect(result.current.present).toEqual({ n: 1 });
    act(() => result.current.redo());
    expect(result.current.present).toEqual({ n: 2.5 });
    act(() => result.current.undo());
    act(() => result.current.set({ n: 9 }));
    expect(result.current.canRedo).toBe(false);
    act(() => result.current.undo());
    act(() => result.current.undo());
    expect(result.current.present).toEqual({ n: 0 });
    expect(result.current.canUndo).toBe(false);
  });
});
