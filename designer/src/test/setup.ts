import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { reloadLanguage } from '../i18n';
import { resetSession } from '../shell/session';

// Screens speak Chinese unless a test chooses English (setLanguage('en')); each test starts again from the default.

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
