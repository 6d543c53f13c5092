import { describe, expect, it } from 'vitest';
import { documentState, vietnamToday } from './document-state.ts';

describe('document validity', () => {
  it('is computed on the Vietnam calendar day', () => {
    // 17:00 UTC is already the next day in Vietnam (UTC+7).
    expect(vietnamToday(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('is in force from the effective date until the day before expiry', () => {
    expect(documentState('2026-01-10', '2026-06-30', '2026-01-09')).toBe('chua-co-hieu-luc');
    expect(documentState('2026-01-10', '2026-06-30', '2026-01-10')).toBe('con-hieu-luc');
    expect(documentState('2026-01-10', '2026-06-30', '2026-06-29')).toBe('con-hieu-luc');
    expect(documentState('2026-01-10', '2026-06-30', '2026-06-30')).toBe('het-hieu-luc');
    // No dates: in force from its issue, indefinitely.
    expect(documentState(undefined, undefined, '2030-01-01')).toBe('con-hieu-luc');
    expect(documentState('', null, '2030-01-01')).toBe('con-hieu-luc');
  });
});
