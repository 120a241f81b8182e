import { useCallback, useState } from 'react';

/** State with undo/redo: `set` records a step unless told not to (drags, selection), `checkpoint` records one after the fact. */
export function useHistory<T>(initial: T) {
  const [state, setState] = useState({ past: [] as T[], present: initial, future: [] as T[] });

  const set = useCallback((update: T | ((previous: T) => T), record = true) => {
    setState(s => {
      const next = typeof update === 'function' ? (update as (p: T) => T)(s.present) : update;
      if (next === s.present) return s;
      return record ? { past: [...s.past.slice(-199), s.present], present: next, future: [] } : { ...s, present: next };
    });
  }, []);

  const checkpoint = useCallback((before: T) => {
    setState(s => ({ past: [...s.past.slice(-199), before], present: s.present, future: [] }));
  }, []);

  const undo = useCallback(() => {
    setState(s => (s.past.length ? { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future] } : s));
  }, []);

  const redo = useCallback(() => {
    setState(s => (s.future.length ? { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1) } : s));
  }, []);

  const reset = useCallback((value: T) => setState({ past: [], present: value, future: [] }), []);

  return { present: state.present, set, checkpoint, undo, redo, reset, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
