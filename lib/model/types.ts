// The tidy model: every figure read from a source, with its provenance.

/** How a value relates to the true figure: exact, a bound, or an approximation. */
export type Bound = '=' | '>' | '>=' | '<' | '<=' | '~';

/** A computed result's bound: '?' when the bounds of the operands cannot tell. */
export type DerivedBound = Bound | '?';

/** Whether a cell holds a value, a value masked by statistical secrecy, or nothing. */
export type CellState = 'valeur' | 'secret' | 'absent';

export type Level = 'quartier' | 'commune' | 'epci' | 'departement' | 'france';

export type Perimeter = '2015' | '2024' | '';

/** A number as a source wrote it, parsed without losing its bound or its precision. */
export interface ParsedNumber {
  state: CellState;
  value: number | null;
  bound: Bound;
  /** Decimals written in the source ("40,2" → 1, "33" → 0), to print it back as written. */
  decimals: number;
  /** True when the source wrote a percent sign. */
  percent: boolean;
  text: string;
}

/** Where a figure comes from, down to the cell. */
export interface Provenance {
  /** Path relative to the sources folder, with forward slashes. */
  file: string;
  line: number;
  column: string;
}

/** One figure of one territory for one indicator and one year. */
export interface Figure {
  territory: string;
  level: Level;
  /** Name of the territory as the source wrote it (may be empty). */
  territoryName: string;
  indicator: string;
  year: number;
  value: number | null;
  bound: Bound;
  state: CellState;
  decimals: number;
  sourceText: string;
  perimeter: Perimeter;
  /** Human label of the source (producer and vintage), e.g. « SIG Ville 2022 ». */
  sourceLabel: string;
  at: Provenance;
  /**
   * The quartier's 2024 code when the source wrote another code for it: a
   * 2015 code that the ANCT correspondence maps one to one (`QP062005` →
   * `QN06205M`). `territory` keeps the code as written, `perimeter` the
   * perimeter the figure was measured on.
   */
  quartierCode?: string;
  /**
   * What a reference figure covers when it is not the whole territory of its
   * code: the computed IPS of an agglomeration is that of « écoles d'Auchel,
   * Calonne-Ricouart et Marles-les-Mines (2021-2022) », not of the EPCI.
   */
  coverage?: string;
}

export type Polarity = 'hausse_favorable' | 'baisse_favorable' | 'neutre';

export type Unit = 'pct' | 'habitants' | 'hectares' | 'indice' | 'euros' | 'nombre';

export interface Indicator {
  id: string;
  label: string;
  /** Label used in the portrait, as the convention words it. */
  portraitLabel: string;
  unit: Unit;
  polarity: Polarity;
  order: number;
  /** Column names that designate it in known exports (normalised when matched). */
  aliases: string[];
  /** How the portrait names the reference, e.g. « sur l'ensemble de l'agglomération ». */
  referencePhrase: string;
  /** Whether the portrait shows it (the convention's portrait statistique). */
  inPortrait: boolean;
  /**
   * Decimals every output prints its figures with (`decimales` of the
   * catalogue): one format per indicator, whatever each source wrote.
   * Undefined: the most decimals any source wrote for it.
   */
  decimals?: number;
}

export type QuartierStatus = 'QPV' | 'QIC';

export interface Quartier {
  code: string;
  code2015: string;
  name: string;
  status: QuartierStatus;
  communes: { code: string; name: string }[];
  /** Commune whose convention d'application covers the quartier. */
  conventionCommune: string;
  epci: { code: string; name: string; shortName: string };
  /** The registry line that gives the quartier. */
  place?: { file: string; line: number };
}

export interface Registry {
  quartiers: Quartier[];
  /** Which source wins when two disagree: file path prefixes, first wins. */
  precedence: string[];
}

export interface Catalogue {
  indicators: Indicator[];
}

/** Qualitative parts of a convention portrait. */
export interface PortraitNote {
  quartier: string;
  section: 'irritant' | 'opportunite' | 'enjeu_prioritaire';
  order: number;
  text: string;
}

/** A source file once recognised: what it is and the figures it carries. */
export interface SourceSummary {
  file: string;
  kind: string;
  kindLabel: string;
  producer: string;
  vintage: string;
  encoding: string;
  delimiter: string;
  rows: number;
  figures: number;
  sha256: string;
  /** Informative lines for `quartiers validate` (columns left aside, file skipped and why). */
  notes?: string[];
}

export interface Warning {
  code: string;
  message: string;
}

/** One school's IPS from the Education ministry's files (écoles, collèges). */
export interface SchoolIps {
  uai: string;
  name: string;
  communeCode: string;
  communeName: string;
  sector: string;
  /** Year of the school year's start (« 2022-2023 » → 2022). */
  year: number;
  schoolYear: string;
  level: 'ecole' | 'college' | 'lycee';
  /** Pupils (effectifs) when the file gives them. */
  pupils: number | null;
  ips: number | null;
  state: CellState;
  at: Provenance;
}

/** A school attended by the children of a quartier, with the share of the quartier's pupils in it. */
export interface SchoolLink {
  quartier: string;
  uai: string;
  /** Share (0–1) of the quartier's pupils in this school, when known. */
  share: number | null;
  at: Provenance;
}

/** Which side of a target is reached: « au plus » (at or below it) or « au moins » (at or above it). */
export type TargetDirection = 'au_plus' | 'au_moins';

/**
 * A 2030 target of the contract for a quartier × indicator: a bound, in the
 * favourable direction, on a value or on the gap to the reference
 * (« taux de pauvreté à 35 % au plus », « écart à l'agglomération ≤ 0 »).
 */
export interface Target {
  quartier: string;
  indicator: string;
  year: number;
  kind: 'valeur' | 'ecart';
  value: number;
  /** The direction the targets file states; without it, the indicator's polarity decides. */
  direction?: TargetDirection;
  at: Provenance;
}

/** An indicator read under one of the contract's enjeux and strategic objectives. */
export interface EnjeuLink {
  /** « Enjeu 1 », « Enjeu 2 »… */
  enjeu: string;
  /** « Des quartiers attentifs aux habitants les plus fragiles » */
  enjeuLabel: string;
  objective: string;
  indicator: string;
}
