// French words for the measures' trend columns (convergence, alerts, rank,
// target reachability), shared by the workbooks and the HTML report.

const CONVERGENCE: Record<string, string> = {
  resserre: 'écart resserré',
  creuse: 'écart creusé',
  stable: 'écart stable',
  indetermine: 'indéterminé',
};

const ALERTS: Record<string, string> = {
  millesimes_consecutifs: 'millésimes consécutifs : l’INSEE déconseille d’y lire une évolution',
  perimetres_differents: 'périmètres différents (2015 et 2024)',
  sources_differentes: 'sources différentes',
};

const REACHABLE: Record<string, string> = { atteinte: 'atteinte', oui: 'oui', non: 'non', indetermine: 'indéterminé' };

export const trendLabels = {
  convergence: (code: string) => CONVERGENCE[code] ?? '',
  /** Codes joined by `|` in the tidy table, each in words, joined by « ; ». */
  alerts: (codes: string) => codes.split('|').filter(Boolean).map((c) => ALERTS[c] ?? c).join(' ; '),
  /** « 1er sur 3 », « 3e sur 25 »; empty without a rank. */
  rank: (rank: number | null, of: number | null) => (rank === null || of === null ? '' : `${rank}${rank === 1 ? 'er' : 'e'} sur ${of}`),
  reachable: (code: string) => REACHABLE[code] ?? '',
};
