/**
 * The messages module: every user-facing text. Swedish first (the workbook, the command line, the
 * JSON), English for the task pane when Office's display language is not Swedish. Code identifiers are
 * English. Its parts:
 *  - format.ts      numbers, kronor, months, dates, percentages;
 *  - vocabulary.ts  the enumerated values (party, status, funding, kind, rounding, check status);
 *  - errors.ts      input errors and warnings, by code;
 *  - goals.ts       the goals' names, how their limit is read, their explanations (with engine/goals.ts,
 *                   the goal registry);
 *  - sheets.ts      the sheets' names, titles and column headers, input and output;
 *  - cli.ts, ui.ts  the command line and the task pane.
 */
export * from './format';
export * from './vocabulary';
export * from './errors';
export * from './goals';
export * from './sheets';
export * from './cli';
export * from './ui';
export * from './files';
export * from './package';
