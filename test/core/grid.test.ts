import { columnIndex, columnName, parseA1, parseRangeA1, rangeToA1, toA1 } from '../../src/core/grid/grid';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s and back', (index, name) => {
    expect(columnName(index)).toBe(name);
    expect(columnIndex(name)).toBe(index);
  });

  it('formats and parses cells and ranges, dropping $', () => {
    expect(toA1(11, 3)).toBe('D12');
    expect(parseA1('$D$12')).toEqual({ row: 11, col: 3 });
    expect(parseA1('D')).toBeUndefined();
    expect(parseRangeA1('C3:A1')).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(rangeToA1({ top: 9, left: 0, bottom: 63, right: 10 })).toBe('A10:K64');
    expect(rangeToA1({ top: 0, left: 0, bottom: 0, right: 0 })).toBe('A1');
  });
});
