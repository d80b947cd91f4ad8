// Messages about how a source file's bytes become text, and how many of them are read.

import { plural, where } from './place.ts';
import { quoteCell } from './quote.ts';

const megabytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} Mo` : `${Math.ceil(n / 1024)} ko`);

export const decoding = {
  invalidUtf8: (file: string, line: number, column: number, hex: string, context: string) =>
    `${where(file, line, column)} : octets invalides en UTF-8 (${hex}) dans un fichier qui contient aussi de l'UTF-8 valide, lu « ${quoteCell(context)} ». ` +
    `Le fichier mélange deux encodages : réenregistrez-le en « CSV UTF-8 », ou déclarez son encodage dans un fichier voisin « <nom>.encodage » (utf-8 ou windows-1252).`,
  mojibake: (file: string, line: number, sample: string) =>
    `${where(file, line)} : texte qui ressemble à de l'UTF-8 lu comme Windows-1252 (« ${quoteCell(sample)} ») : les accents du fichier ont sans doute été abîmés avant d'arriver dans sources/. Vérifiez l'export d'origine.`,
  fileTooLarge: (file: string, size: number, kind: string, max: number) =>
    `${file} : ${megabytes(size)} ; un ${kind} de sources/ en fait au plus ${megabytes(max)}. Ce n'est sans doute pas un export attendu : retirez-le de sources/, ou ne gardez que les lignes utiles (quartiers, communes et agglomérations du contrat).`,
  figuresOutsideRegistry: (file: string, values: number, territories: number) =>
    `${file} : ${plural(values, 'valeur')} de ${plural(territories, 'commune ou agglomération', 'communes ou agglomérations')} sans quartier du référentiel, lue${values > 1 ? 's' : ''} mais utilisée${values > 1 ? 's' : ''} par aucun rapport. Pour une exécution plus légère, ne gardez dans sources/ que les lignes des communes et agglomérations du contrat.`,
  badSidecarEncoding: (file: string, text: string) =>
    `${where(file, 1)} : encodage « ${quoteCell(text)} » inconnu ; un fichier .encodage contient « utf-8 » ou « windows-1252 ».`,
};
