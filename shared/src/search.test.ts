import { describe, expect, it } from 'vitest';
import { foldVietnamese, hasDiacritics, searchKey } from './search.ts';
import { kindLabel, normalizeKind } from './kinds.ts';

describe('foldVietnamese', () => {
  it('strips tones and vowel marks and maps đ', () => {
    expect(foldVietnamese('học tập')).toBe('hoc tap');
    expect(foldVietnamese('Đảng bộ')).toBe('Dang bo');
    expect(foldVietnamese('đường Trường Sơn')).toBe('duong Truong Son');
    expect(foldVietnamese('Nghị quyết Đại hội XIII')).toBe('Nghi quyet Dai hoi XIII');
    expect(foldVietnamese('ỨNG DỤNG CÔNG NGHỆ')).toBe('UNG DUNG CONG NGHE');
  });
  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('ho\u0323c ta\u0302\u0323p')).toBe('hoc tap');
    expect(foldVietnamese('học tập'.normalize('NFD'))).toBe('hoc tap');
  });
  it('leaves plain text alone', () => {
    expect(foldVietnamese('hoc tap 2024')).toBe('hoc tap 2024');
    expect(hasDiacritics('hoc tap')).toBe(false);
    expect(hasDiacritics('học tập')).toBe(true);
  });
  it('gives equal keys with and without diacritics', () => {
    expect(searchKey('  Học   TẬP ')).toBe(searchKey('hoc tap'));
    expect(searchKey('ĐẢNG BỘ')).toBe('dang bo');
  });
});

describe('document kinds', () => {
  it('labels both spellings in Vietnamese', () => {
    expect(kindLabel('cong_van')).toBe('Công văn');
    expect(kindLabel('nghi-quyet')).toBe('Nghị quyết');
    expect(kindLabel('ke_hoach')).toBe('Kế hoạch');
    expect(kindLabel('unknown')).toBe('Khác');
    expect(normalizeKind('QUYET_DINH')).toBe('quyet-dinh');
    expect(normalizeKind(null)).toBe('khac');
  });
});
