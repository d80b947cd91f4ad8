// The date every zip entry carries. exceljs zips a workbook through JSZip,
// which dates each entry « now » unless `JSZip.defaults.date` is set: the
// one place that sets it, so that the same sources give the same bytes.
// SOURCE_DATE_EPOCH (reproducible builds) wins; without it, the caller's
// date (the data's, for the workbooks).

import JSZip from 'jszip';

/** The date SOURCE_DATE_EPOCH gives (seconds since 1970), or null when unset or not a number. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | null {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw || !/^\d+$/.test(raw)) return null;
  return new Date(Number(raw) * 1000);
}

/** Dates every zip entry written from now on in this process. */
export function pinZipDates(date: Date): void {
  JSZip.defaults.date = date;
}
