/**
 * The one "validate the active sheet" step: the pane's button, live
 * checking and the ribbon's 校验本表 all go through it, so each checks with
 * the profile the document keeps and leaves out the findings the user
 * ignored, and none can drift from the others.
 */
import {
  checkSheet,
  DEFAULT_PROFILE,
  resolveProfile,
  type Finding,
  type Profile,
  type Sheet,
  type WorkbookResult,
} from '../core';
import type { SheetHost, Validation, ValidateOptions } from './sheet-host';

export type Check = (sheet: Sheet, profile: Profile) => WorkbookResult;

export const checkWithProfile: Check = (sheet, profile) => checkSheet(sheet, { profile });

/** What the document keeps that decides a validation. */
export interface DocumentPolicy {
  profile: Profile;
  /** ignoreKey of each finding the user ignored. */
  ignored: ReadonlySet<string>;
  /** The stored profile could not be used (edited by hand?): the defaults apply. */
  profileBroken?: boolean;
}

/** Stable identity of a finding across re-validations of the same sheet (the pane's list key). */
export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}:${f.rule}`;
}

/** What an ignore is kept under: the finding and the value it found, so a new wrong value is shown again. */
export function ignoreKey(f: Finding): string {
  return `${findingKey(f)}=${f.found ?? ''}`;
}

export async function loadDocumentPolicy(host: SheetHost): Promise<DocumentPolicy> {
  const [stored, ignored] = await Promise.all([
    host.loadProfile ? host.loadProfile() : Promise.resolve(undefined),
    host.loadIgnored ? host.loadIgnored() : Promise.resolve([]),
  ]);
  let profile = DEFAULT_PROFILE;
  let profileBroken = false;
  if (stored !== undefined) {
    try {
      profile = resolveProfile(stored);
    } catch {
      profileBroken = true;
    }
  }
  return { profile, ignored: new Set(ignored), ...(profileBroken ? { profileBroken } : {}) };
}

export async function validateActiveSheet(
  host: SheetHost,
  policy: DocumentPolicy,
  options: ValidateOptions & { check?: Check } = {},
): Promise<Validation> {
  const check = options.check ?? checkWithProfile;
  let ignored: Finding[] = [];
  const validation = await host.validate((sheet) => {
    const result = check(sheet, policy.profile);
    const shown: Finding[] = [];
    ignored = [];
    for (const f of result.findings) (policy.ignored.has(ignoreKey(f)) ? ignored : shown).push(f);
    return { ...result, findings: shown };
  }, options);
  return { ...validation, ignored };
}
