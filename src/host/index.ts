/** The port hosts implement and the one validation step the pane and the ribbon share. */
export * from './sheet-host';
export * from './validate-active-sheet';
