// A sweep table as an Apache Parquet file (hyparquet-writer): one column per
// table column, typed from the data dictionary: integers as INT64 would read
// as BigInt, so whole numbers are written as DOUBLE like every other number.

import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Table } from './tables.js';

/** The bytes of `table` as a Parquet file. */
export function parquetOf(table: Table): Uint8Array {
  const columnData = table.columns.map((c, i) => {
    const data = table.rows.map((r) => r[i]);
    if (c.type === 'boolean') return { name: c.name, data, type: 'BOOLEAN' as const };
    if (c.type === 'string') return { name: c.name, data: data.map((v) => (v === null ? null : String(v))), type: 'STRING' as const };
    return { name: c.name, data, type: 'DOUBLE' as const };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'evacsim' }));
}
