import { describe, expect, it } from 'vitest';
import { csvField, csvTable, linksCsv, settlementsCsv, timeseriesCsv } from '../../src/report/csv.js';
import { settlementRows } from '../../src/report/settlements.js';
import { TINY_ROWS, makeResult, settlement } from './fixtures.js';

describe('csvField', () => {
  it('quotes fields holding commas, quotes or line breaks, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Sudzha, town')).toBe('"Sudzha, town"');
    expect(csvField('the "TAC"')).toBe('"the ""TAC"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes null as empty and rounds fractions to thousandths', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField(0.1 + 0.2)).toBe('0.3');
    expect(csvField(1800.123456)).toBe('1800.123');
  });
});

describe('csvField against CSV injection', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+cmd', '"\'+cmd"'],
    ["-2+3+cmd|' /C calc'!A0", '"\'-2+3+cmd|\' /C calc\'!A0"'],
    ['@SUM(1)', '"\'@SUM(1)"'],
    ['\t=1', '"\'\t=1"'],
    ['\r=1', '"\'\r=1"'],
    ['-', '"\'-"'],
  ])('writes text a spreadsheet would run as a formula, %j, behind a quote and quoted', (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it('leaves numbers, text that is only a number, and formula characters later in the text alone', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('+1.5e3')).toBe('+1.5e3');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(' =1')).toBe(' =1');
  });

  it('neutralises scenario text in the run tables, the header included', () => {
    const result = makeResult(TINY_ROWS, {
      settlements: [settlement('=1+1', '@SUM(A1)', '+North', '-Kursk', 100)],
      links: [{ id: '=road', from: 'a', to: 'b', mode: 'road', vehicles: -1, peakQueue: 0, totalDelaySeconds: 0, lost: 0 }],
    });
    expect(settlementsCsv(settlementRows(result)).split('\n')[1].startsWith(`"'=1+1","'@SUM(A1)","'+North","'-Kursk",100,`)).toBe(true);
    expect(linksCsv(result).split('\n')[1]).toBe(`"'=road",a,b,road,-1,0,0`);
    expect(csvTable(['=x'], [])).toBe(`"'=x"\n`);
  });
});

describe('csvTable', () => {
  it('ends every line with a newline', () => {
    expect(csvTable(['a', 'b'], [[1, 'x,y']])).toBe('a,b\n1,"x,y"\n');
  });
});

describe('timeseriesCsv', () => {
  it('has one row per bin with states, bin flows, gauges and shelter occupancy', () => {
    const lines = timeseriesCsv(makeResult(TINY_ROWS)).trimEnd().split('\n');
    expect(lines).toEqual([
      'time,clock,told,stayed,waiting,inTransit,evacuated,trapped,shadow,departedInBin,evacuatedInBin,' +
        'vehiclesOnRoad,vehiclesQueuedAtOrigin,shelter:tac',
      '3600,,150,30,90,0,30,0,5,30,30,0,0,30',
      '7200,,150,30,10,40,50,20,5,70,20,1,0,30',
      '10800,,150,30,10,0,90,20,5,0,40,2,0,30',
    ]);
  });

  it('writes the calendar time when the run has a start', () => {
    const csv = timeseriesCsv(makeResult(TINY_ROWS, { start: '2024-08-06T03:00:00+03:00' }));
    expect(csv.split('\n')[1].startsWith('3600,2024-08-06T04:00:00+03:00,150,')).toBe(true);
  });
});

describe('settlementsCsv', () => {
  it('writes the summary rows, quoting names and leaving unknowns empty', () => {
    const result = makeResult(TINY_ROWS, {
      settlements: [
        settlement('a', 'Alpha, upper', 'North', 'Kursk', 100),
        settlement('b', 'Beta', null, null, 50),
      ],
    });
    expect(settlementsCsv(settlementRows(result)).split('\n')).toEqual([
      'id,name,district,region,told,complied,evacuated,stayed,waiting,inTransit,trapped,clearance,capturedAt,orderedAt,clearanceAfterOrder,facility',
      'a,"Alpha, upper",North,Kursk,100,80,50,20,10,0,20,,,0,,',
      'b,Beta,,,50,40,40,10,0,0,0,9000,,3600,5400,',
      '',
    ]);
  });

  it("ends each row with the settlement's facility kind, empty on one that is none, the other columns where they were", () => {
    const result = makeResult(TINY_ROWS, {
      settlements: [
        { ...settlement('a', 'Alpha', 'North', 'Kursk', 100), facility: 'nursing-home' },
        settlement('b', 'Beta', null, null, 50),
      ],
    });
    const lines = settlementsCsv(settlementRows(result)).split('\n');
    expect(lines[0].split(',').indexOf('facility')).toBe(15);
    expect(lines[1]).toBe('a,Alpha,North,Kursk,100,80,50,20,10,0,20,,,0,,nursing-home');
    expect(lines[2].endsWith(',5400,')).toBe(true);
  });
});

describe('linksCsv', () => {
  it('keeps the result order of links', () => {
    const result = makeResult([], {
      links: [
        { id: 'r2', from: 'b', to: 'a', mode: 'road', vehicles: 3, peakQueue: 2, totalDelaySeconds: 12.5, lost: 0 },
        { id: 'r1', from: 'a', to: 'b', mode: 'rail', vehicles: 0, peakQueue: 0, totalDelaySeconds: 0, lost: 0 },
      ],
    });
    expect(linksCsv(result)).toBe(
      'id,from,to,mode,vehicles,peakQueue,totalDelaySeconds\nr2,b,a,road,3,2,12.5\nr1,a,b,rail,0,0,0\n',
    );
  });
});
