import { describe, expect, it } from 'vitest';
import {
  idNumberCheckChar,
  isValidIdNumber,
  maskIdNumber,
  maskMobile,
  normalizeMobile,
} from './personal-data.ts';

describe('normalizeMobile', () => {
  it('strips spaces, dashes and the country code', () => {
    expect(normalizeMobile('+86 138-1234-1234')).toBe('13812341234');
    expect(normalizeMobile('0086 13812341234')).toBe('13812341234');
    expect(normalizeMobile(' 138 1234 1234 ')).toBe('13812341234');
  });

  it('keeps 86 that belongs to the number itself', () => {
    expect(normalizeMobile('138-8612-3456')).toBe('13886123456');
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });

  it('masks formatted input the same way, leaking nothing through the formatting', () => {
    expect(maskMobile('+86 138 1234 1234')).toBe('138****1234');
  });

  it('shows at most half of a short number', () => {
    expect(maskMobile('1234567')).toBe('****567');
    expect(maskMobile('12')).toBe('*2');
  });
});

describe('maskIdNumber', () => {
  it('hides the date of birth and keeps region and the last 4', () => {
    expect(maskIdNumber('610302199001011234')).toBe('610302********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });
});

describe('isValidIdNumber (GB 11643-1999)', () => {
  it('accepts the examples of the standard', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('440524188001010014')).toBe(true);
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts a lower-case x as check character', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidIdNumber('610302199001011234')).toBe(false);
    expect(isValidIdNumber('610302199001011232')).toBe(true);
    expect(isValidIdNumber('110105194912310020')).toBe(false);
  });

  it('refuses a number whose check digit is right but whose date does not exist', () => {
    expect(idNumberCheckChar('61030219900230123')).toBe('1');
    expect(isValidIdNumber('610302199002301231')).toBe(false); // 2月30日
    expect(isValidIdNumber('610302190002291239')).toBe(false); // 1900 is not a leap year
    expect(isValidIdNumber('610302200002291235')).toBe(true); // 2000 is
  });

  it('refuses 15-digit old numbers and stray characters', () => {
    expect(isValidIdNumber('610302900101123')).toBe(false);
    expect(isValidIdNumber(' 610302199001011232')).toBe(false);
    expect(isValidIdNumber('6103021990010112X2')).toBe(false);
  });

  it('refuses births after asOf when the caller gives the date', () => {
    expect(isValidIdNumber('610302200002291235', { asOf: '2000-02-28' })).toBe(false);
    expect(isValidIdNumber('610302200002291235', { asOf: '2000-02-29' })).toBe(true);
    expect(() => isValidIdNumber('610302200002291235', { asOf: '2000/02/29' })).toThrow();
  });
});
