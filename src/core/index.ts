/**
 * The engine's public face: adapters (file, excel, taskpane, web, cli,
 * commands) import from here and nowhere deeper, so the core can be
 * rearranged without touching them.
 */
export * from './engine';
export * from './findings/finding';
export * from './grid/grid';
export * from './profile';
export * from './findings/report';
export * from './findings/note-text';
export { RULE_DOCS } from './checks';
export * from './findings/table-kinds';
export * from './findings/by-cell';
