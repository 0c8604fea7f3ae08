import type { TypedCell, TypedRow, TypedTable } from './typed-tables';

/** A condition on one column. */
export type RowFilter =
  /** The cell names one of these entities (a region, a city, a category value …). */
  | { column: number; kind: 'entity'; entities: string[]; /** None of them (「其他部委」: not 工信部). */ not?: boolean }
  /** Any cell of the row (column -1) prints this text. */
  | { column: number; kind: 'text'; value: string }
  /** A cell beginning with these characters (「GB/T开头的」; compared compact and lower-case). */
  | { column: number; kind: 'prefix'; value: string }
  /** A category cell listing this value, alone or among others. */
  | { column: number; kind: 'part'; value: string }
  /** A date cell inside [from, to] (yyyymmdd, inclusive), or inside one of the other spans (「2018年和2019年」). */
  | { column: number; kind: 'date'; from: number; to: number; or?: { from: number; to: number }[] }
  /** A money cell in this currency (人民币, 美元). */
  | { column: number; kind: 'currency'; value: string }
  /** A numeric cell compared with a value. */
  | { column: number; kind: 'compare'; op: '>' | '>=' | '<' | '<=' | '='; value: number;
    /** Compare in absolute terms: the cell's value times the magnitude its unit prints (1675 万美元 → 16,750,000). */
    scaled?: boolean };

/** One operation of the small query algebra over a typed table. */
export type TableQuery =
  | { operation: 'select'; filters: RowFilter[] }
  | { operation: 'count'; filters: RowFilter[] }
  | { operation: 'order'; filters: RowFilter[]; column: number; order: 'asc' | 'desc'; k: number; offset?: number }
  | { operation: 'position'; filters: RowFilter[]; column: number; order: 'asc' | 'desc'; row: number }
  /** `unit`: dates group by year (default) or by month. */
  | { operation: 'group'; filters: RowFilter[]; column: number; order: 'asc' | 'desc'; unit?: 'year' | 'month'; among?: readonly string[];
    /** Group on the whole cell (政府、企业 is one group), not on each value it lists. */
    whole?: boolean }
  | { operation: 'sum'; filters: RowFilter[]; column: number };

/** Rows in ranking order with their place (ties share a place: 1, 2, 2, 4). */
export interface Ranked {
  row: TypedRow;
  place: number;
}

export type TableResult =
  | { operation: 'select'; rows: TypedRow[] }
  | { operation: 'count'; rows: TypedRow[]; count: number }
  /** The rows at places offset+1 … offset+k, plus every row tied with the last of them. */
  | { operation: 'order'; ranked: Ranked[]; considered: number }
  | { operation: 'position'; ranked: Ranked | null; tied: TypedRow[]; considered: number }
  /** Groups by a column's values (a cell listing several values counts in each), largest first. */
  | { operation: 'group'; groups: { key: string; rows: TypedRow[] }[] }
  /** Sums per currency/unit: amounts in different currencies are never added. */
  | { operation: 'sum'; rows: TypedRow[]; sums: { unit: string; total: number; rows: TypedRow[] }[]; unknown: TypedRow[] };

/** The magnitude a unit prints (万美元 → 10⁴, 亿元 → 10⁸), 1 for none. */
function unitScale(unit: string): number {
  return unit.startsWith('千万') ? 1e7 : unit.startsWith('百万') ? 1e6 : unit.startsWith('万') ? 1e4 : unit.startsWith('亿') ? 1e8 : 1;
}

/** A cell's value in absolute terms (1675 万美元 → 16,750,000). */
export function absoluteValue(cell: TypedCell): number {
  return (cell.value ?? 0) * unitScale(cell.unit);
}

/** The span of absolute values a cell allows: one value, or an order of magnitude (数千万 → 2千万 up to 1亿); null if none. */
function valueSpan(cell: TypedCell): [number, number] | null {
  if (cell.value !== null && !cell.approximate) return [absoluteValue(cell), absoluteValue(cell)];
  const magnitude = /数(十|百|千)?(万|亿)/.exec(cell.bare.replace(/\s+/g, ''));
  if (!magnitude) return null;
  const unit = (magnitude[1] ? { 十: 10, 百: 100, 千: 1000 }[magnitude[1]]! : 1) * (magnitude[2] === '亿' ? 1e8 : 1e4);
  return [2 * unit, 10 * unit];
}

const holds = (v: number, op: Extract<RowFilter, { kind: 'compare' }>['op'], bound: number) =>
  (op === '>' ? v > bound : op === '>=' ? v >= bound : op === '<' ? v < bound : op === '<=' ? v <= bound : v === bound);

/**
 * Whether a scaled comparison holds of a cell: true or false where the cell's whole span decides it (数千万 is over
 * 一千万 and under 一亿), null where only its order of magnitude is printed and the bound falls inside it.
 */
export function scaledHolds(cell: TypedCell, filter: Extract<RowFilter, { kind: 'compare' }>): boolean | null {
  const span = valueSpan(cell);
  if (!span) return false;
  const [low, high] = span;
  if (low === high) return holds(low, filter.op, filter.value);
  const atLow = holds(low, filter.op, filter.value);
  const atHigh = holds(high - 1, filter.op, filter.value);
  return atLow === atHigh && filter.op !== '=' ? atLow : null;
}

function matches(cell: TypedCell | undefined, filter: RowFilter, row?: TypedRow): boolean {
  if (filter.kind === 'text') return Boolean(row?.cells.some((c) => c.text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').includes(filter.value)));
  if (!cell) return filter.kind === 'entity' && Boolean(filter.not);
  switch (filter.kind) {
    case 'entity': return filter.entities.some((id) => cell.entities.includes(id)) !== Boolean(filter.not);
    case 'part': return cell.bare === filter.value || cell.parts.includes(filter.value);
    case 'prefix': return cell.bare.normalize('NFKC').toLowerCase().replace(/\s+/g, '').startsWith(filter.value.toLowerCase());
    case 'date': return cell.value !== null && [filter, ...(filter.or ?? [])].some((span) => cell.value! >= span.from && cell.value! <= span.to);
    case 'currency': return cell.currency === filter.value;
    case 'compare': {
      if (filter.scaled) return scaledHolds(cell, filter) === true;
      if (cell.value === null) return false;
      const v = filter.scaled ? absoluteValue(cell) : cell.value;
      return filter.op === '>' ? v > filter.value : filter.op === '>=' ? v >= filter.value : filter.op === '<' ? v < filter.value
        : filter.op === '<=' ? v <= filter.value : v === filter.value;
    }
  }
}

/** Rows that pass every filter; the printed total row only when a filter names it. */
export function filterRows(table: TypedTable, filters: RowFilter[]): TypedRow[] {
  return table.rows.filter((row) => !row.total && filters.every((f) => matches(row.cells[f.column], f, row)));
}

const DATE = /^\d{8}$/;

/**
 * Rows whose date prints less than the others of its year (「2019-0」 beside 2019-07: yyyymmdd with month 0), so that
 * their order among those rows is unknown; a year-only date is still placed against other years' dates.
 */
export function unplacedDates(rows: TypedRow[], column: number): TypedRow[] {
  const date = (row: TypedRow) => {
    const value = row.cells[column]?.value;
    return value !== null && value !== undefined && DATE.test(String(value)) ? value : null;
  };
  const monthsOf = new Set(rows.map(date).filter((v): v is number => v !== null && Math.floor(v / 100) % 100 > 0).map((v) => Math.floor(v / 10_000)));
  return rows.filter((row) => {
    const value = date(row);
    return value !== null && Math.floor(value / 100) % 100 === 0 && monthsOf.has(Math.floor(value / 10_000));
  });
}

/** Places with ties: equal values share the place of the first of them (a date printed less precisely than its year's others is not placed). */
export function rank(rows: TypedRow[], column: number, order: 'asc' | 'desc'): Ranked[] {
  const unplaced = new Set(unplacedDates(rows, column));
  const valued = rows.filter((row) => row.cells[column]?.value !== null && row.cells[column]?.value !== undefined && !unplaced.has(row));
  const sorted = [...valued].sort((a, b) => {
    const difference = (a.cells[column].value as number) - (b.cells[column].value as number);
    return (order === 'asc' ? difference : -difference) || a.index - b.index;
  });
  const ranked: Ranked[] = [];
  sorted.forEach((row, i) => {
    const previous = ranked[i - 1];
    const place = previous && previous.row.cells[column].value === row.cells[column].value ? previous.place : i + 1;
    ranked.push({ row, place });
  });
  return ranked;
}

/**
 * Runs one query: select rows, count them, order by a column (top-k and k-th place, ties kept),
 * find a row's place, group and count by a column's values, or sum a column per unit.
 */
export function queryTable(table: TypedTable, query: TableQuery): TableResult {
  const rows = filterRows(table, query.filters);
  switch (query.operation) {
    case 'select': return { operation: 'select', rows };
    case 'count': return { operation: 'count', rows, count: rows.length };
    case 'order': {
      const ranked = rank(rows, query.column, query.order);
      const from = query.offset ?? 0;
      // 「第二名」「倒数第二」 when rows tie ahead of it (宁夏、青海、西藏 all last): the rows whose place is that, if any; otherwise
      // the ones after the tie — never the tied ones again.
      // A place inside a tie that begins later than the extreme (倒数第五 where 江西…山西 share places 4–8) is that tie.
      if (from > 0 && query.k === 1) {
        const place = from + 1;
        const at = ranked.filter((r) => r.place === place);
        const within = ranked[from] && ranked[from].place > 1 ? ranked.filter((r) => r.place === ranked[from].place) : [];
        const next = ranked.find((r) => r.place > place);
        const chosen = at.length ? at : within.length ? within : next ? ranked.filter((r) => r.place === next.place) : [];
        return { operation: 'order', ranked: chosen, considered: ranked.length };
      }
      const last = ranked[from + query.k - 1] ?? ranked.at(-1);
      const firstPlace = ranked[from]?.place;
      const chosen = last ? ranked.filter((r, i) => (i >= from && i < from + query.k) || (r.place === last.place && r.place >= (firstPlace ?? 0)))
        : [];
      // 「第二名」 when two rows tie for first: the rows whose place is 2, if any; otherwise the ones after the tie.
      return { operation: 'order', ranked: chosen.filter((r, i, all) => all.indexOf(r) === i), considered: ranked.length };
    }
    case 'position': {
      const ranked = rank(rows, query.column, query.order);
      const found = ranked.find((r) => r.row.index === query.row) ?? null;
      return { operation: 'position', ranked: found, tied: found ? ranked.filter((r) => r.place === found.place && r !== found).map((r) => r.row) : [],
        considered: ranked.length };
    }
    case 'group': {
      const groups = new Map<string, TypedRow[]>();
      for (const row of rows) {
        const cell = row.cells[query.column];
        const date = cell?.value !== null && cell?.value !== undefined && /^\d{8}$/.test(String(cell.value)) ? cell.value : null;
        // A date printing only its year (2019) has no month to group by.
        const month = date !== null && Math.floor(date / 100) % 100 > 0 ? `${Math.floor(date / 10_000)}年${Math.floor(date / 100) % 100}月` : '';
        // Values compared by name (政府, 政企合作 = 政府、企业) each take the rows whose cell is exactly that value.
        // A standard's number groups by its prefix (GM/T0070-2019 → GM/T, DB52/T1466-2019 → DB52/T).
        const prefix = table.columns[query.column]?.kind === 'code' ? /^[A-Za-z]+\d*\/?[A-Za-z]*/.exec(cell?.bare.replace(/\s+/g, '') ?? '')?.[0] : undefined;
        const keys = prefix ? [prefix] : query.among ? query.among.filter((name) => cell?.bare === name || (cell?.parts.length === 1 && cell.parts[0] === name))
          : query.whole && cell?.bare ? [cell.bare] : cell?.parts.length ? cell.parts : date !== null ? [query.unit === 'month' ? month : `${Math.floor(date / 10_000)}年`] : [cell?.bare ?? ''];
        for (const key of keys.filter(Boolean)) groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      const sorted = [...groups].map(([key, members]) => ({ key, rows: members }))
        .sort((a, b) => (query.order === 'asc' ? a.rows.length - b.rows.length : b.rows.length - a.rows.length) || a.rows[0].index - b.rows[0].index);
      return { operation: 'group', groups: sorted };
    }
    case 'sum': {
      const sums = new Map<string, { unit: string; total: number; rows: TypedRow[] }>();
      const unknown: TypedRow[] = [];
      for (const row of rows) {
        const cell = row.cells[query.column];
        if (!cell || cell.value === null || cell.approximate) {
          unknown.push(row);
          continue;
        }
        const unit = cell.unit;
        const entry = sums.get(unit) ?? { unit, total: 0, rows: [] };
        entry.total = Number((entry.total + cell.value).toFixed(4));
        entry.rows.push(row);
        sums.set(unit, entry);
      }
      return { operation: 'sum', rows, sums: [...sums.values()], unknown };
    }
  }
}
