/**
 * The browser page's Content-Security-Policy, in one place: webpack writes it
 * into index.html's <meta> tag (it holds on any static server) and
 * serve.js also sends it as a header (so the worker, which does not inherit
 * the page's <meta>, is held to it as well).
 *
 * - connect-src 'none': no fetch, XHR, WebSocket, EventSource or beacon;
 * - scripts and the worker from this folder only (webpack's runtime loads
 *   nothing else: one page bundle, one worker bundle);
 * - style-src 'unsafe-inline': Fluent UI (Griffel) writes its CSS at run time;
 * - img-src data:/blob: for icons drawn inline, nothing remote;
 * - downloads are blob: URLs the page creates: a navigation, not a connection.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "manifest-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

module.exports = { CONTENT_SECURITY_POLICY };
