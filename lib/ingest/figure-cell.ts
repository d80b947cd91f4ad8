// One cell of an export → one figure, checked against the indicator's unit.

import type { Figure, Indicator, Level, Perimeter } from '../model/types.ts';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import { isInvalid, parseFrenchNumber, type ParseOptions } from '../text/french-number.ts';

export interface CellContext {
  file: string;
  line: number;
  column: string;
  sourceLabel: string;
}

export interface FigureKey {
  territory: string;
  territoryName: string;
  level: Level;
  perimeter: Perimeter;
  indicator: Indicator;
  year: number;
}

export function cellToFigure(text: string, key: FigureKey, at: CellContext, options: ParseOptions = {}): Figure {
  const parsed = parseFrenchNumber(text, options);
  if (isInvalid(parsed)) throw new DataError(msg.notANumber(at.file, at.line, at.column, text), { file: at.file, line: at.line, column: at.column });
  const unit = key.indicator.unit;
  if (parsed.value !== null) {
    if (unit === 'pct' && parsed.value > 100) {
      throw new DataError(msg.percentOver100(at.file, at.line, at.column, text), { file: at.file, line: at.line, column: at.column });
    }
    if (parsed.value < 0 && unit !== 'nombre') {
      throw new DataError(msg.negativeValue(at.file, at.line, at.column, text), { file: at.file, line: at.line, column: at.column });
    }
  }
  return {
    territory: key.territory,
    level: key.level,
    territoryName: key.territoryName,
    indicator: key.indicator.id,
    year: key.year,
    value: parsed.value,
    bound: parsed.bound,
    state: parsed.state,
    decimals: parsed.decimals,
    sourceText: text.trim(),
    perimeter: key.perimeter,
    sourceLabel: at.sourceLabel,
    at: { file: at.file, line: at.line, column: at.column },
  };
}
