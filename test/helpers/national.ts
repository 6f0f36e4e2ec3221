/**
 * The national-scale workbook for tests that need size: the one generator of `npm run bench`
 * (scripts/national.js), so that tests and benchmarks see the same workbook.
 */
export { NATIONAL, nationalSheets } from '../../scripts/national';
