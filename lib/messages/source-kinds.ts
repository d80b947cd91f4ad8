// How `quartiers validate` and the « Sources et méthode » sheet name the
// reference and geography files (the data kinds carry their own label).

export const SOURCE_KIND_LABELS = {
  referentiel: 'Référentiel des quartiers',
  catalogue: 'Catalogue des indicateurs',
  portraits: 'Portraits qualitatifs de la convention',
  correspondance: 'Correspondance des quartiers 2024 ↔ 2015 (ANCT)',
  priorites: 'Priorités entre sources en cas de conflit',
  perimetres: 'Périmètres des quartiers (GeoJSON)',
  communes: 'Contours des communes (GeoJSON)',
} as const;
