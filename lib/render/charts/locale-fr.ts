// French number and time locales for Vega (d3-format / d3-time-format fr-FR),
// with the narrow no-break space of French typography for thousands.

export const FR_FORMAT_LOCALE = {
  decimal: ',',
  thousands: '\u202f',
  grouping: [3],
  currency: ['', '\u00a0€'] as [string, string],
  percent: '\u00a0%',
};

export const FR_TIME_LOCALE = {
  dateTime: '%A %e %B %Y à %X',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['AM', 'PM'] as [string, string],
  days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as [string, string, string, string, string, string, string],
  shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'] as [string, string, string, string, string, string, string],
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as [string, string, string, string, string, string, string, string, string, string, string, string],
  shortMonths: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'] as [string, string, string, string, string, string, string, string, string, string, string, string],
};
