/**
 * Waits for Office.js, but not forever: outside Office, or on an intranet that
 * blocks Microsoft's CDN, `Office.onReady` may never settle and the pane must
 * say so instead of hanging.
 */
export type OfficeReadiness = { state: 'ready'; host: string | null; displayLanguage?: string } | { state: 'timeout' };

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  context?: { displayLanguage?: string };
}

export function waitForOffice(office: OfficeLike | undefined, timeoutMs: number): Promise<OfficeReadiness> {
  // The script tag failed outright: no point in waiting.
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ state: 'timeout' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ state: 'timeout' }), timeoutMs);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        resolve({
          state: 'ready',
          host: info.host === null || info.host === undefined ? null : String(info.host),
          displayLanguage: office.context?.displayLanguage,
        });
      },
      () => {
        clearTimeout(timer);
        resolve({ state: 'timeout' });
      },
    );
  });
}
