/**
 * "Nothing but additions": `before` must survive inside `after` token by
 * token (tags and text runs), in order; what is left over in `after` is what
 * was added. Tokens allowed to change (a marked cell's `s`, a count) are
 * normalised by the caller before comparing.
 */
export function xmlTokens(xml: string): string[] {
  return xml.split(/(?=<)|(?<=>)/).filter((t) => t !== '');
}

export interface InsertionCheck {
  /** Tokens of `before` that `after` lacks, in order (empty when only additions happened). */
  missing: string[];
  /** Tokens of `after` that are not in `before`, in order. */
  inserted: string[];
}

export function compareAsInsertions(before: string, after: string): InsertionCheck {
  const a = xmlTokens(before);
  const b = xmlTokens(after);
  const inserted: string[] = [];
  let i = 0;
  for (const token of b) {
    // Greedy matching decides whether `a` is a subsequence of `b`, and is exact for that.
    if (i < a.length && token === a[i]) i++;
    else inserted.push(token);
  }
  return { missing: a.slice(i), inserted };
}
