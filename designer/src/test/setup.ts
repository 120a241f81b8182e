import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetSession } from '../shell/session';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  resetSession();
});

// jsdom lacks these; React Flow measures nodes with them.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
