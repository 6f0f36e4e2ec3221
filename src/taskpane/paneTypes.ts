/**
 * What the compute worker sends back to the pane: plain data only (numbers, strings, arrays), because
 * Decimal values and functions do not survive the structured clone of `postMessage`. Messages are
 * rendered in the pane's language by the worker, so the pane's first screen needs neither the engine
 * nor the goal texts.
 */
import type { CheckKind, CheckStatus } from '../engine/goals';
import type { OutputSheet } from '../workbook/grid';
import type { ErrorCode } from '../messages/errors';
import type { PreparedSheet } from '../hosts/excel/prepare';

export interface PaneError {
  sheet: string;
  cell: string;
  code: ErrorCode;
  /** In the pane's language. */
  message: string;
}

export interface PaneCheck {
  goal: CheckKind;
  /** The goal's name in the pane's language. */
  goalName: string;
  year: number | null;
  status: CheckStatus;
  message: string;
  /** A1 reference of the check's cell on the output sheets, or null. */
  cell: string | null;
}

/** One figure of a year's summary with its goal's limit and how far the plan is from it. */
export interface PaneFigure {
  value: number | null;
  status: CheckStatus | null;
  /** "699 000 kr över taket 2 700 000 kr", or null when no goal judges the figure. */
  note: string | null;
}

export interface PaneYear {
  year: number;
  /** The card's heading when it is not the year alone (the follow-up year: "Prognos 2024"). */
  label?: string;
  result: PaneFigure;
  equityEnd: PaneFigure;
  lowestCash: PaneFigure;
  /** The month of the lowest cash, as text ("mars"), or null. */
  lowestCashMonth: string | null;
  decisionRoom: PaneFigure;
  /** Room for new grants within the goals (kronor, null when no goal limits it) and it as a sentence. */
  room: { value: number | null; text: string } | null;
}

/** A scenario of `Scenarier`, computed by the worker: its summary and checks (never written). */
export interface PaneScenario {
  name: string;
  years: PaneYear[];
  checks: PaneCheck[];
}

/** The figures of the summary's two charts (as on `Sammanfattning`), in kronor. */
export interface PaneCharts {
  /** Cash at each month's end: the month (year, 1–12), its label in the pane's language, the cash. */
  cash: { year: number; month: number; label: string; cash: number }[];
  /** The liquidity floor (`Lägsta likviditet`), or null when the goal is not active. */
  floor: number | null;
  /** Equity at each year's end and the equity cap that year (null: no cap). */
  equity: { year: number; equity: number; cap: number | null }[];
}

export interface PaneResult {
  errors: PaneError[];
  /** The output sheets to write (empty when there are errors, and when they come `prepared`). */
  sheets: OutputSheet[];
  /**
   * The output sheets as the workbook's host writes them, where the pane asked the worker for that
   * form (`prepare`): Excel's (hosts/excel/prepare.ts). Absent with errors and in the other hosts.
   */
  prepared?: PreparedWrite;
  checks: PaneCheck[];
  years: PaneYear[];
  /** The förbund's name from `Inställningar`, or null. */
  name: string | null;
  /** The scenarios (empty when the workbook has none, or with errors). */
  scenarios: PaneScenario[];
  /** The summary's charts (absent with errors). */
  charts?: PaneCharts;
  /** The follow-up (with `Uppföljning till och med`), or null / absent. */
  followUp?: PaneFollowUp | null;
}

/** A figure of the follow-up: budget, actual or forecast, and the deviation, with its row on `Uppföljning`. */
export interface PaneFollowUpRow {
  label: string;
  budgetToDate: number;
  actualToDate: number;
  budgetYear: number;
  forecastYear: number;
  /** Deviation to date in per cent of the budget (one decimal, in the pane's language), or null. */
  percentToDate: string | null;
  cell: string;
}

export interface PaneFollowUp {
  title: string;
  /** Income, costs and the result. */
  totals: PaneFollowUpRow[];
  /** Equity at year end, as budgeted and as forecast. */
  equity: { budget: number; forecast: number };
  /** The lines beyond the threshold, the largest deviation first. */
  largest: PaneFollowUpRow[];
  /** The goals judged on the forecast (the year's checks). */
  goals: PaneCheck[];
  /** What the threshold is, when nothing is beyond it; else null. */
  noneMarked: string | null;
}

/** The output sheets as a host writes them (made in the worker: its main thread only sends them). */
export type PreparedWrite = { kind: 'excel'; sheets: PreparedSheet[] };

export type WorkerRequest = {
  id: number;
  snapshot: import('../workbook/grid').WorkbookSnapshot;
  lang: 'sv' | 'en';
  /** The host's own form of the output sheets to make in the worker (`PaneResult.prepared`), if any. */
  prepare?: PreparedWrite['kind'];
};
export type WorkerReply = { id: number; result: PaneResult } | { id: number; crash: string };
