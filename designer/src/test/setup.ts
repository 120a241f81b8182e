import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import { reloadLanguage, setLanguage } from '../i18n';
import { resetSession } from '../shell/session';

// Screens speak Chinese unless a test chooses English. The workflow editor is not translated yet (the shell shows it in
// English), so the tests under src/workflows/ run in English.
beforeEach(() => {
  if (expect.getState().testPath?.replaceAll('\\', '/').includes('/src/workflows/')) setLanguage('en');
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  reloadLanguage();
  resetSession();
});

// jsdom lacks these; React Flow measures nodes with them.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
