import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/importer/errors.js';
import type { FlowTable } from '../../src/importer/flow.js';
import { cellText, matrixTable, shapeTable, simpleTable, spannedHeaderTable, tableCells } from '../../src/importer/tables.js';

const table = (parts: string[][], caption?: string): FlowTable => ({ kind: 'table', parts, line: 1, ...(caption ? { caption } : {}) });

describe('cells', () => {
  it('turns <br> and HTML lists into lines', () => {
    expect(cellText('自信 (Jishin)<br>確信(Kakushin)')).toBe('自信 (Jishin)\n確信(Kakushin)');
    expect(cellText('<ul style="list-style-type: none"> <li>● Dokdo</li> <li>● Disrespect</li> </ul>')).toBe('● Dokdo\n● Disrespect');
    expect(tableCells('| a |  b  | |')).toEqual(['a', 'b', '']);
  });

  it('refuses HTML it does not know', () => {
    expect(() => cellText('<table>x</table>')).toThrow(ImportError);
  });
});

describe('table shapes', () => {
  it('continues a row cut by a page break: prose with a space, list items on new lines', () => {
    const shaped = simpleTable(
      table([
        ['| Concept | English | Korean |', '|--|--|--|', '| resting on dispositional | Trust | 신임 (Shin-im) |'],
        ['|  |  |  |', '|--|--|--|', '| considerations (character) |  | 신뢰 (Shin-roe) |', '| The capacity | Empathy | 공감 |'],
      ]),
      1,
    );
    expect(shaped.rows).toEqual([
      ['resting on dispositional considerations (character)', 'Trust', '신임 (Shin-im)\n신뢰 (Shin-roe)'],
      ['The capacity', 'Empathy', '공감'],
    ]);
  });

  it('reads a spanning header as the note and the sub-header as columns', () => {
    const shaped = spannedHeaderTable(table([['| Perceiver | Threats: ● Serious | |', '|--|--|--|', '| | PRC | USA |', '| PRC | | ● Keeping China poor |']]));
    expect(shaped).toEqual({ columns: ['Perceiver', 'PRC', 'USA'], rows: [['PRC', '', '● Keeping China poor']], note: 'Threats: ● Serious' });
  });

  it('reads a two-way grid as rows of the down axis', () => {
    const grid = ['| | | | | |', '|--|--|--|--|--|', '| | | Leadership | | |', '| | | Great Power/s only | Shared | |', '| Integration | | Hegemony | Community | High |', '| | | Concert | Consociation | Low |'];
    expect(matrixTable(table([grid]))).toEqual({
      columns: ['Integration', 'Leadership: Great Power/s only', 'Leadership: Shared'],
      rows: [
        ['High', 'Hegemony', 'Community'],
        ['Low', 'Concert', 'Consociation'],
      ],
    });
  });

  it('refuses a table without a caption or without a shaping rule', () => {
    expect(() => shapeTable(table([['| a |', '|--|', '| b |']]), 'intro')).toThrow(/without a caption/);
    expect(() => shapeTable(table([['| a |', '|--|', '| b |']], 'Table 9: Unknown'), 'intro')).toThrow(/no shaping rule/);
  });
});
