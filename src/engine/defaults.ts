/** The domain's defaults (domain.md, workbook.md): the law's shares and the plan's length. */
import { D, Ratio } from './money';
import type { Party } from './types';

/** 5 § SFS 2003:1210: the state half, the region(s) a quarter, the kommuner a quarter. */
export const DEFAULT_SHARES: Readonly<Record<Party, Ratio>> = {
  state: new D('0.5'),
  region: new D('0.25'),
  municipalities: new D('0.25'),
};

/** KL 11:6: a plan for the economy over three years. */
export const DEFAULT_YEAR_COUNT = 3;
export const MAX_YEAR_COUNT = 10;
