import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { formatTime } from './format';

const [zh, en] = [translator('zh-CN'), translator('en')];

describe('formatTime', () => {
  // Built from local parts, so the test holds in any time zone the machine runs in.
  const afternoon = new Date(2026, 11, 6, 14, 3, 59).toISOString();
  const morning = new Date(2026, 0, 2, 8, 5).toISOString();

  it('writes a time the Chinese way: year-month-day and a 24-hour clock, to the minute', () => {
    expect(formatTime(afternoon, zh)).toBe('2026-12-06 14:03');
    expect(formatTime(morning, zh)).toBe('2026-01-02 08:05');
  });

  it('writes a time the English way when the screen speaks English', () => {
    expect(formatTime(afternoon, en)).toBe('Dec 6, 2026, 14:03');
    expect(formatTime(morning, en)).toBe('Jan 2, 2026, 08:05');
  });

  it('shows a dash for no time and an unreadable value as it came', () => {
    expect(formatTime(null, zh)).toBe('—');
    expect(formatTime(undefined, en)).toBe('—');
    expect(formatTime('soon', zh)).toBe('soon');
  });
});
