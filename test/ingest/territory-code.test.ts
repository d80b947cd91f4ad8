import { describe, expect, it } from 'vitest';
import { classifyTerritoryCode } from '../../lib/ingest/territory-code.ts';

describe('classifyTerritoryCode', () => {
  const none = new Set<string>();
  it.each([
    ['QP062005', 'quartier', '2015'],
    ['QP02A001', 'quartier', '2015'],
    ['QN06205M', 'quartier', '2024'],
    ['QN97601C', 'quartier', '2024'],
    ['200072460', 'epci', ''],
    ['62555', 'commune', ''],
    ['2A004', 'commune', ''],
    ['062', 'departement', ''],
    ['62', 'departement', ''],
    ['FRM', 'france', ''],
    ['France métropolitaine', 'france', ''],
  ])('%s is a %s (perimeter %j)', (code, level, perimeter) => {
    expect(classifyTerritoryCode(code, none)).toEqual({ level, perimeter });
  });
  it('knows the registry codes, QIC included', () => {
    expect(classifyTerritoryCode('QIC-62555-01', new Set(['QIC-62555-01']))).toEqual({ level: 'quartier', perimeter: '2024' });
    expect(classifyTerritoryCode('QIC-62555-01', none)).toBeUndefined();
  });
  it.each(['QP06200', 'QN0620M', '4O2', 'Marles', ''])('refuses %j', (code) => {
    expect(classifyTerritoryCode(code, none)).toBeUndefined();
  });
});
