/** Who wrote a note: Clear deletes only what ScoreCheck wrote and the user left as it was. */
import { noteFingerprint, noteAuthor, parseRecord } from '../../src/excel/marks-record';

const OURS = '[ScoreCheck]\n[错误] D13 为 17，但 D14:D20 合计为 16。（应为 16）\n[提示] D13 未检查';

describe('noteAuthor', () => {
  it.each([
    ['the note as written, recorded', OURS, noteFingerprint(OURS), 'ours'],
    ['the note as written, record lost: every line has ScoreCheck’s form', OURS, undefined, 'ours'],
    ['English lines', '[ScoreCheck]\n[warning] B2 is a number stored as text.', undefined, 'ours'],
    ['the marked copy’s old one-line note', 'ScoreCheck: [错误] D13 不对（应为 16）', undefined, 'ours'],
    ['the marked copy’s old list', 'ScoreCheck:\n• [错误] D13 不对\n• [提示] D13 未检查', undefined, 'ours'],
    ['a recorded note the user added to', `${OURS}（已核对）`, noteFingerprint(OURS), 'edited'],
    ['a line the user added, no record', `${OURS}\n财务科：已核对`, undefined, 'user-tag'],
    ['the user’s own note starting with the tag', '[ScoreCheck] 已核对，无误', undefined, 'user-tag'],
    ['the tag alone', '[ScoreCheck]', undefined, 'user-tag'],
    ['a note without the tag', '请核对', undefined, 'user'],
    ['no note', undefined, undefined, 'user'],
  ])('%s → %s', (_what, text, recorded, author) => {
    expect(noteAuthor(text, recorded)).toBe(author);
  });
});

describe('parseRecord', () => {
  it('reads version 1 (cells only) and version 2, and anything else as empty', () => {
    expect(parseRecord(JSON.stringify({ version: 1, sheets: [{ id: 's', name: 'S', cells: ['A1'] }] }))).toEqual({
      version: 2,
      sheets: [{ id: 's', name: 'S', cells: ['A1'], notes: {} }],
    });
    expect(parseRecord('{broken')).toEqual({ version: 2, sheets: [] });
    expect(parseRecord(undefined)).toEqual({ version: 2, sheets: [] });
  });
});
