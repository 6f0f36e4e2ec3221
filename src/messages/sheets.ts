/**
 * The workbook's own words: sheet names, titles, column headers and row labels, input and output.
 * They are the workbook contract (workbook.md), Swedish in every UI language. Each sheet's spec in
 * `src/workbook/sheets/` (input) and `src/workbook/render.ts` (output) refers to these by key, so a
 * misspelt key is a compile error.
 */

/** jan … dec, for headers (as `format.ts`'s, kept here so the sheet words stand alone). */
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

/** Input sheets: name, and each column's header (the contract's column names). */
export const INPUT_WORDS = {
  settings: {
    name: 'Inställningar',
    columns: { parameter: 'Parameter', value: 'Värde', comment: 'Kommentar' },
    /** The `Parameter` rows. */
    rows: {
      name: 'Förbund',
      firstYear: 'Första planår',
      yearCount: 'Antal planår',
      stateShare: 'Statens andel',
      regionShare: 'Regionens andel',
      municipalShare: 'Kommunernas andel',
      rounding: 'Avrundning',
      budgetDecision: 'Budgetbeslut',
      unit: 'Enhet',
      followUpThrough: 'Uppföljning till och med',
    },
  },
  years: {
    name: 'År',
    columns: {
      year: 'År',
      contributions: 'Medlemsavgifter',
      months: 'Verksamhetsmånader',
      esfIncome: 'ESF-intäkter',
      otherIncome: 'Övriga intäkter',
      financialIncome: 'Finansiella intäkter',
      investments: 'Investeringar',
      receivables: 'Fordringar',
      shortTermLiabilities: 'Kortfristiga skulder',
      longTermLiabilities: 'Långfristiga skulder',
    },
  },
  members: {
    name: 'Medlemmar',
    columns: {
      member: 'Medlem',
      party: 'Part',
      population: 'Invånare',
      pays: 'Betalar',
      fromYear: 'Från år',
      toYear: 'Till år',
    },
  },
  interventions: {
    name: 'Insatser',
    title: 'Insatser som förbundet finansierar (belopp i kronor)',
    columns: {
      nr: 'Nr',
      name: 'Insats',
      owner: 'Insatsägare',
      funding: 'Finansiering',
      status: 'Status',
      start: 'Start',
      end: 'Slut',
      total: 'Budget totalt',
      spentBefore: 'Förbrukat före planår',
    },
  },
  costs: {
    name: 'Kostnader',
    /** `Årlig uppräkning`, the seeds' word, is what the template writes; the contract's `Årlig ökning` is read too (INPUT_ALSO). */
    columns: { name: 'Kostnadspost', kind: 'Slag', funding: 'Finansiering', growth: 'Årlig uppräkning' },
  },
  opening: {
    name: 'Ingående balans',
    columns: { item: 'Post', amount: 'Belopp', comment: 'Kommentar' },
    rows: {
      equity: 'Eget kapital',
      fixedAssets: 'Anläggningstillgångar',
      receivables: 'Fordringar',
      cash: 'Kassa och bank',
      shortTermLiabilities: 'Kortfristiga skulder',
      longTermLiabilities: 'Långfristiga skulder',
    },
  },
  goals: {
    name: 'Mål',
    columns: { goal: 'Mål', limit: 'Gräns', active: 'Aktiv', source: 'Källa' },
  },
  scenarios: {
    name: 'Scenarier',
    columns: { scenario: 'Scenario', sheet: 'Blad', row: 'Rad', column: 'Kolumn', value: 'Värde', comment: 'Kommentar' },
  },
  /** The equity cap as a band table by budget size (`Högsta eget kapital` with the Gräns `Kapitaltak`). */
  capTable: {
    name: 'Kapitaltak',
    title: 'Högsta eget kapital efter budgetens storlek: bandet med största Från som inte överstiger årets medlemsavgifter',
    columns: { from: 'Från', percent: 'Procent', fixed: 'Fast belopp', source: 'Källa' },
    /** The `Gräns` on `Mål` that takes the cap from this sheet. */
    limitWord: 'Kapitaltak',
  },
  outcome: {
    name: 'Utfall',
    title: 'Utfall per månad (kr): kostnader som kostnad, intäkter som intäkt',
    columns: { post: 'Post', forecast: 'Prognos helår' },
  },
} as const;

export type InputSheetId = keyof typeof INPUT_WORDS;

/** What a value must be, for "ska vara … (ett heltal)" messages. */
export const EXPECTED = {
  year: { sv: 'ett årtal', en: 'a year' },
  yearCount: { sv: 'ett antal år', en: 'a number of years' },
  months: { sv: 'ett antal månader', en: 'a number of months' },
  population: { sv: 'ett antal invånare', en: 'a number of inhabitants' },
} as const;

/** The things a "finns redan" message names. */
export const DUPLICATE_OF = {
  parameter: { sv: 'Parametern', en: 'The parameter' },
  year: { sv: 'Året', en: 'The year' },
  member: { sv: 'Medlemmen', en: 'The member' },
  goal: { sv: 'Målet', en: 'The goal' },
  item: { sv: 'Posten', en: 'The item' },
} as const;

/** Other headers an input column is read under (the contract's earlier names). */
export const INPUT_ALSO = {
  costs: { growth: ['Årlig ökning'] },
} as const;

/** Output sheets: name, title and headers. Key order is the order the sheets are written in. */
export const OUTPUT_WORDS = {
  summary: {
    name: 'Sammanfattning',
    title: 'Ekonomisk information',
    room: 'Utrymme för nya beslut',
    /** The room's rows (domain.md, "Room for new grants"). */
    roomRows: {
      withinGoals: 'Nya insatser inom målen',
      limitedBy: 'Begränsas av',
      inMonth: (goal: string, month: string) => `${goal}, ${month}`,
      toResultTarget: 'Inom årets resultat',
      spendToCap: 'Att förbruka ned till högsta eget kapital',
    },
    goals: 'Finansiella mål',
    tkrNote: 'Beloppen är avrundade till tkr så att summorna stämmer.',
    charts: {
      cash: 'Kassa vid månadens slut och lägsta likviditet (kr)',
      equity: (unit: string) => `Eget kapital vid årets slut och högsta eget kapital (${unit})`,
    },
    data: {
      month: 'Månad',
      cash: 'Kassa (kr)',
      floor: 'Lägsta likviditet (kr)',
      year: 'År',
      equity: (unit: string) => `Eget kapital (${unit})`,
      cap: (unit: string) => `Högsta eget kapital (${unit})`,
      capWord: 'riktvärde',
    },
  },
  /**
   * The scenario comparison (board sheet, written when the workbook has scenarios). workbook.md names it
   * `Scenarier`, but that is the input sheet's name and one workbook cannot hold two sheets of one name:
   * the output is `Scenariojämförelse` (README.md, docs/arbetsboken.md).
   */
  scenarios: {
    name: 'Scenariojämförelse',
    title: 'Scenarier jämförda med grundbudgeten',
    columns: {
      item: 'Post',
      base: 'Grundbudget',
      difference: (scenario: string) => `Skillnad: ${scenario}`,
    },
    rows: {
      contributions: 'Summa medlemsavgifter',
      contributionParty: (party: string) => `Medlemsavgift ${party}`,
      result: 'Årets resultat',
      equityEnd: 'Eget kapital vid årets slut',
      lowestCash: 'Lägsta kassa vid månadsslut',
      lowestDecisionRoom: 'Lägsta beslutsutrymme',
      room: 'Utrymme för nya insatser',
      goals: 'Mål',
      wholePlan: 'Hela planen',
    },
    /** A goal's status changed by the scenario: "OK → Ej uppfyllt". */
    statusChange: (from: string, to: string) => `${from} → ${to}`,
    /** A scenario that could not be computed. */
    notComputed: 'Ej beräknat (fel)',
    /** Written when the workbook no longer has scenarios (the sheet was written by an earlier refresh). */
    none: 'Arbetsboken har inga scenarier (bladet Scenarier saknas eller är tomt).',
    note: 'Varje scenario är grundbudgeten med scenariots ändringar från bladet Scenarier, beräknat i sin helhet och prövat mot samma mål. Skillnad = scenario − grundbudget.',
  },
  followUp: {
    name: 'Uppföljning',
    title: (year: number, month: string, unit: string, prognosis: boolean) =>
      `${prognosis ? 'Prognos' : 'Uppföljning'} ${year}, utfall till och med ${month} (${unit})`,
    note: (month: string) =>
      `Budget t.o.m. ${month}: årets budget per månad (kostnader och insatser som i Likviditet, intäkter jämnt över verksamhetsmånaderna). Prognos helår: utfall t.o.m. ${month} och budget för resten av året, eller radens egen Prognos helår (Notering: Egen prognos). Avvikelse = utfall − budget; för kostnader är en positiv avvikelse ett överskridande.`,
    columns: {
      item: 'Post',
      budgetYear: 'Budget helår',
      budgetToDate: (month: string) => `Budget t.o.m. ${month}`,
      actualToDate: (month: string) => `Utfall t.o.m. ${month}`,
      deviation: 'Avvikelse',
      deviationPercent: 'Avvikelse %',
      forecastYear: 'Prognos helår',
      deviationYear: 'Avvikelse helår',
      deviationYearPercent: 'Avvikelse helår %',
      granted: 'Beviljat totalt',
      usedInAll: 'Förbrukat totalt',
      remaining: 'Återstår',
      mark: 'Notering',
    },
    rows: {
      income: 'Intäkter',
      incomeTotal: 'Summa intäkter',
      costs: 'Verksamhetens kostnader',
      costsSum: 'Summa verksamhetskostnader',
      interventions: 'Insatser',
      interventionsSum: 'Summa insatser',
      costsTotal: 'Summa kostnader',
      result: 'Årets resultat',
      equityEnd: 'Eget kapital vid årets slut',
    },
    given: 'Egen prognos',
    marked: 'Över tröskeln',
    largest: (month: string) => `Största avvikelser t.o.m. ${month}`,
    noneMarked: (percent: number, kronor: string) => `Inga avvikelser över tröskeln (${percent} % och ${kronor}).`,
    threshold: (percent: number, kronor: string) =>
      `Markeras: en avvikelse t.o.m. månaden på minst ${percent} % av budgeten och minst ${kronor}.`,
    goals: 'Finansiella mål enligt prognosen',
    periods: {
      title: (kind: 'quarter' | 'tertial') => (kind === 'quarter' ? 'Per kvartal' : 'Per tertial'),
      label: (kind: 'quarter' | 'tertial', n: number, from: number, to: number) =>
        `${kind === 'quarter' ? 'K' : 'T'}${n} ${MONTH_ABBR[from - 1]}–${MONTH_ABBR[to - 1]}`,
      rows: {
        budgetIncome: 'Intäkter, budget',
        actualIncome: 'Intäkter, utfall',
        budgetCosts: 'Kostnader, budget',
        actualCosts: 'Kostnader, utfall',
        budgetResult: 'Resultat, budget',
        actualResult: 'Resultat, utfall',
        deviationResult: 'Avvikelse resultat',
      },
    },
    /** The follow-up year's column on Budget, Balansplan, Sammanfattning and Insatser per år. */
    yearHeader: (year: number) => `Prognos ${year}`,
    none: 'Ingen uppföljning: Uppföljning till och med på bladet Inställningar är tom.',
  },
  split: {
    name: 'Fördelning',
    title: 'Fördelning av medlemsavgifter (kr)',
    columns: {
      member: 'Huvudman',
      population: 'Antal inv',
      share: 'Andel',
      amount: 'kr/år',
    },
    quarter: (q: number, month: string | null) => (month ? `kr/kvartal ${q} (${month})` : `kr/kvartal ${q}`),
    dueDates: 'Förfallodag',
    municipalitiesSum: 'Summa kommuner',
    /** The parties' lines below Summa kommuner, as the 2018 table names them. */
    partyLine: { municipalities: 'Kommuner', region: 'Regionen', state: 'Staten' },
    yearTotal: 'Totalt',
  },
  interventions: {
    name: 'Insatser per år',
    title: 'Insatser per år',
    columns: { nr: 'Nr', name: 'Insats', owner: 'Insatsägare', funding: 'Finansiering', status: 'Status' },
    remainingAtStart: (year: number) => `Återstår 1/1 ${year}`,
    remainingAfter: (year: number) => `Återstår efter ${year}`,
    sums: { decided: 'Summa beslutade', planned: 'Summa planerade', all: 'Summa insatser' },
  },
  budget: {
    name: 'Budget',
    title: 'Resultatbudget',
    columns: { item: 'Post' },
    rows: {
      income: 'Verksamhetens intäkter',
      contributionParty: (party: string) => `Medlemsavgift ${party}`,
      contributions: 'Summa medlemsavgifter',
      esfIncome: 'ESF-intäkter',
      otherIncome: 'Övriga intäkter',
      incomeTotal: 'Summa intäkter',
      costs: 'Verksamhetens kostnader',
      depreciationLine: (name: string) => `${name} (avskrivning)`,
      decided: 'Samverkansinsatser',
      planned: 'Tillkommande insatser',
      interventionLine: (name: string, owner: string) => (owner ? `${name} (${owner})` : name),
      decidedSum: 'Summa samverkansinsatser',
      plannedSum: 'Summa tillkommande insatser',
      costsTotal: 'Summa kostnader',
      operatingResult: 'Verksamhetens resultat',
      basis: 'Underlag för kontrollerna',
      financialIncome: 'Finansiella intäkter',
      result: 'Årets resultat',
      equityStart: 'Eget kapital vid årets början',
      equityEnd: 'Eget kapital vid årets slut',
      annualContributions: 'Medlemsavgifter, helårsbasis',
      esfCosts: 'ESF-finansierade kostnader',
    },
  },
  balance: {
    name: 'Balansplan',
    title: 'Balansplan',
    columns: { item: 'Post' },
    opening: (year: number) => `Ingående ${year}`,
    yearEnd: (year: number) => `Plan ${year}`,
    rows: {
      assets: 'Tillgångar',
      fixedAssets: 'Anläggningstillgångar',
      currentAssets: 'Omsättningstillgångar',
      receivables: 'Fordringar',
      cash: 'Kassa och bank',
      currentAssetsTotal: 'Summa omsättningstillgångar',
      assetsTotal: 'Summa tillgångar',
      claims: 'Eget kapital, avsättningar och skulder',
      equity: 'Eget kapital',
      resultOf: '– därav årets resultat',
      liabilities: 'Skulder',
      longTermLiabilities: 'Långfristiga skulder',
      shortTermLiabilities: 'Kortfristiga skulder',
      liabilitiesTotal: 'Summa skulder',
      claimsTotal: 'Summa eget kapital, avsättningar och skulder',
      contingent: 'Ansvarsförbindelser',
      commitments: 'Beviljade insatser, återstående belopp',
    },
  },
  liquidity: {
    name: 'Likviditet',
    title: 'Likviditet per månad (kr)',
    columns: {
      month: 'Månad',
      inflow: 'Inbetalningar',
      outflow: 'Utbetalningar',
      cash: 'Kassa vid månadens slut',
      decisionRoom: 'Beslutsutrymme',
      decisionRoomAfterPlanned: 'Beslutsutrymme efter planerade insatser',
    },
  },
  checks: {
    name: 'Kontroller',
    title: 'Kontroller mot styrelsens finansiella mål',
    columns: {
      goal: 'Mål',
      year: 'År',
      month: 'Månad',
      status: 'Status',
      value: 'Värde',
      limit: 'Gräns',
      message: 'Förklaring',
      cell: 'Cell',
    },
  },
} as const;

export type OutputSheetId = keyof typeof OUTPUT_WORDS;

/** The printed page's footer: page of pages (Excel header codes). */
export const PRINT_WORDS = { page: 'Sida &P av &N' } as const;

/** "Fördelning av medlemsavgifter 2024–2026 — Samordningsförbundet RAR i Sörmland". */
export function sheetTitle(what: string, years: readonly number[], name: string): string {
  const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : `${years[0]}`;
  return `${what} ${span}${name ? ` — ${name}` : ''}`;
}
