import { flexRender, getCoreRowModel, useReactTable, type Column, type ColumnDef, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useRef, type HTMLAttributes, type ReactNode, type RefObject } from 'react';

export const ROW_HEIGHT = 28;

export interface VirtualGrid<T> {
  table: Table<T>;
  rows: Row<T>[];
  /** Goes on the scrolling element around the table. */
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
}

/** The row model of `data` (rows keyed by their id) and a virtualizer over it, rows ROW_HEIGHT high. */
export function useVirtualGrid<T extends { id: number }>(data: T[], columns: ColumnDef<T>[]): VirtualGrid<T> {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => String(r.id) });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  return { table, rows, scrollRef, virtualizer };
}

type RowProps = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number };

/**
 * The header and the virtualised body of a grid table. `cellClass` gives the class of a column's
 * header and cells; `rowClass` adds modifiers before the odd-row one; `rowProps` adds a row's own attributes.
 */
export function VirtualGridSections<T>({
  grid: { table, rows, virtualizer },
  cellClass = (c) => `cell cell-${c.id}`,
  rowClass,
  rowProps,
}: {
  grid: VirtualGrid<T>;
  cellClass?: (column: Column<T, unknown>) => string;
  rowClass?: (row: Row<T>) => string;
  rowProps: (row: Row<T>) => RowProps;
}) {
  return (
    <>
      <thead className="grid-head">
        {table.getHeaderGroups().map((hg) => (
          <tr key={hg.id} className="grid-row" aria-rowindex={1}>
            {hg.headers.map((h) => (
              <th key={h.id} scope="col" className={cellClass(h.column)}>
                {flexRender(h.column.columnDef.header, h.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody className="grid-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((vi) => {
          const row = rows[vi.index];
          return (
            <tr
              key={row.id}
              {...rowProps(row)}
              className={`grid-row grid-body-row${rowClass?.(row) ?? ''}${vi.index % 2 ? ' is-odd' : ''}`}
              aria-rowindex={vi.index + 2}
              style={{ transform: `translateY(${vi.start}px)` }}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cellClass(cell.column)}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </>
  );
}

/** A column of a paged grid: its header, its cell for a loaded row, and extra classes. */
export interface PagedColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  className?: string;
}

export interface PagedGrid {
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
}

/**
 * A virtualizer over `count` rows of which only some are loaded (a list paged from main). No row
 * model is built, so a list of 200,000 rows costs no more than the rows on screen.
 */
export function usePagedVirtualGrid(count: number): PagedGrid {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  return { scrollRef, virtualizer };
}

/**
 * The header and the virtualised body of a paged grid, in the same rows and cells as
 * VirtualGridSections. `rowAt` answers a loaded row or undefined; a row not loaded yet shows
 * `placeholder` in its second cell until its page arrives.
 */
export function PagedGridSections<T>({
  grid: { virtualizer },
  columns,
  rowAt,
  placeholder,
  rowClass,
  rowProps,
}: {
  grid: PagedGrid;
  columns: PagedColumn<T>[];
  rowAt: (index: number) => T | undefined;
  placeholder: ReactNode;
  rowClass?: (row: T, index: number) => string;
  rowProps?: (row: T, index: number) => RowProps;
}) {
  const cls = (c: PagedColumn<T>) => `cell cell-${c.id}${c.className ? ` ${c.className}` : ''}`;
  return (
    <>
      <thead className="grid-head">
        <tr className="grid-row" aria-rowindex={1}>
          {columns.map((c) => (
            <th key={c.id} scope="col" className={cls(c)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="grid-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((vi) => {
          const row = rowAt(vi.index);
          const odd = vi.index % 2 ? ' is-odd' : '';
          const style = { transform: `translateY(${vi.start}px)` };
          if (row === undefined) {
            return (
              <tr key={`p${vi.index}`} className={`grid-row grid-body-row is-placeholder${odd}`} aria-rowindex={vi.index + 2} aria-busy="true" style={style}>
                {columns.map((c, i) => (
                  <td key={c.id} className={cls(c)}>
                    {i === 1 ? placeholder : null}
                  </td>
                ))}
              </tr>
            );
          }
          return (
            <tr
              key={vi.index}
              {...rowProps?.(row, vi.index)}
              className={`grid-row grid-body-row${rowClass?.(row, vi.index) ?? ''}${odd}`}
              aria-rowindex={vi.index + 2}
              style={style}
            >
              {columns.map((c) => (
                <td key={c.id} className={cls(c)}>
                  {c.cell(row, vi.index)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </>
  );
}
