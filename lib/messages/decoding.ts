// Messages about how a source file's bytes become text.

import { where } from './place.ts';
import { quoteCell } from './quote.ts';

export const decoding = {
  invalidUtf8: (file: string, line: number, column: number, hex: string, context: string) =>
    `${where(file, line, column)} : octets invalides en UTF-8 (${hex}) dans un fichier qui contient aussi de l'UTF-8 valide, lu « ${quoteCell(context)} ». ` +
    `Le fichier mélange deux encodages : réenregistrez-le en « CSV UTF-8 », ou déclarez son encodage dans un fichier voisin « <nom>.encodage » (utf-8 ou windows-1252).`,
  mojibake: (file: string, line: number, sample: string) =>
    `${where(file, line)} : texte qui ressemble à de l'UTF-8 lu comme Windows-1252 (« ${quoteCell(sample)} ») : les accents du fichier ont sans doute été abîmés avant d'arriver dans sources/. Vérifiez l'export d'origine.`,
  badSidecarEncoding: (file: string, text: string) =>
    `${where(file, 1)} : encodage « ${quoteCell(text)} » inconnu ; un fichier .encodage contient « utf-8 » ou « windows-1252 ».`,
};
