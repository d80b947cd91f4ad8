// Chart images put into the package after exceljs wrote it. Given the PNG
// bytes, exceljs copies them into its zip and checksums them in JavaScript,
// then the package is read back and re-zipped: a national run carries
// 1.7 GB of images through that. exceljs gets an empty placeholder per image
// (it still writes the drawing, its anchor and the relationships), and the
// bytes go in once, when the package is re-zipped (stableZip).

import type ExcelJS from 'exceljs';
import type { ZipEntry } from './stable-zip.ts';

const PLACEHOLDER = Buffer.alloc(0) as unknown as ExcelJS.Buffer;

export class WorkbookMedia {
  private readonly images = new Map<number, Uint8Array>();

  constructor(private readonly wb: ExcelJS.Workbook) {}

  /** Registers a PNG with the workbook; returns exceljs's image id for `ws.addImage`. */
  addPng(png: Uint8Array): number {
    const id = this.wb.addImage({ buffer: PLACEHOLDER, extension: 'png' });
    this.images.set(id, png);
    return id;
  }

  /** Puts each image's bytes in place of its placeholder (exceljs names them `xl/media/image<id + 1>.png`). */
  fill(entries: ZipEntry[]): void {
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const [id, png] of this.images) {
      const entry = byName.get(`xl/media/image${id + 1}.png`);
      if (!entry || entry.data.length !== 0) throw new Error(`image ${id + 1} introuvable dans le classeur écrit par exceljs`);
      entry.data = png;
    }
  }
}
