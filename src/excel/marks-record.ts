/**
 * The record ScoreCheck keeps in the document's settings of what it wrote:
 * which cells of which sheets carry its marks, and a fingerprint of each
 * note's whole text, so that Clear deletes a note only while it still says
 * exactly what ScoreCheck wrote (a note the user added to is theirs now).
 */
import { hasNoteTag, NOTE_TAG, SEVERITY_WORDS } from '../core';

export interface SheetMarks {
  id: string;
  name: string;
  cells: string[];
  /** Cell → fingerprint of the note or comment text written there. */
  notes: Record<string, string>;
}

export interface MarksRecord {
  version: 2;
  sheets: SheetMarks[];
}

function emptyRecord(): MarksRecord {
  return { version: 2, sheets: [] };
}

/** The stored record, or an empty one where it is missing or damaged (marks are still found by their formula and tag). */
export function parseRecord(value: unknown): MarksRecord {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    if (parsed && (parsed.version === 1 || parsed.version === 2) && Array.isArray(parsed.sheets)) {
      // Version 1 kept cells only: its notes are judged by their shape alone.
      const sheets = (parsed.sheets as Partial<SheetMarks>[]).map((s) => ({
        id: String(s.id),
        name: String(s.name),
        cells: Array.isArray(s.cells) ? s.cells.map(String) : [],
        notes: s.notes && typeof s.notes === 'object' ? s.notes : {},
      }));
      return { version: 2, sheets };
    }
  } catch {
    // fall through
  }
  return emptyRecord();
}

/** FNV-1a, 32 bits: enough to tell an edited note from the one written, and short in the settings. */
export function noteFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const WORDS = [...new Set(Object.values(SEVERITY_WORDS).flatMap((w) => Object.values(w)))].join('|');
/** A line ScoreCheck writes under its tag (core/note-text findingNoteLine). */
const LINE = new RegExp(`^\\[(?:${WORDS})\\] \\S`);
/** The marked copy's older notes: "ScoreCheck: [错误] …" or "ScoreCheck:" then "• [错误] …" lines. */
const OLD_SINGLE = new RegExp(`^ScoreCheck: \\[(?:${WORDS})\\] \\S[^\\n]*$`);
const OLD_LINE = new RegExp(`^• \\[(?:${WORDS})\\] \\S`);

/** Whether every line of `text` is one ScoreCheck writes, in either tag's format. */
function hasScoreCheckShape(text: string): boolean {
  const lines = text.split('\n');
  if (lines[0] === NOTE_TAG) return lines.length > 1 && lines.slice(1).every((l) => LINE.test(l));
  if (lines[0] === 'ScoreCheck:') return lines.length > 1 && lines.slice(1).every((l) => OLD_LINE.test(l));
  return lines.length === 1 && OLD_SINGLE.test(text);
}

/**
 * Who a note belongs to. `ours`: ScoreCheck wrote all of it (the recorded
 * fingerprint matches, or, with no record for the cell, every line has
 * ScoreCheck's form: the marked copy or an older version wrote it).
 * `edited`: ScoreCheck wrote it and the user changed it since. `user-tag`:
 * it starts with the tag but the user wrote it. `user`: no tag at all.
 */
export type NoteAuthor = 'ours' | 'edited' | 'user-tag' | 'user';

export function noteAuthor(text: string | null | undefined, recorded: string | undefined): NoteAuthor {
  if (!hasNoteTag(text)) return 'user';
  const t = text as string;
  if (recorded !== undefined) return noteFingerprint(t) === recorded ? 'ours' : 'edited';
  return hasScoreCheckShape(t) ? 'ours' : 'user-tag';
}
