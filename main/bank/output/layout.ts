// The output files' layout: CSV (separator, columns from a fixed list, decimal mark, date format,
// encoding, header) or fixed-width (each field's width, padding and alignment). The accounting
// system's import decides; the defaults are a plain semicolon CSV in the workspace's Windows code
// page (Windows-1250 in Poland, Windows-1251 in Ukraine), which the rent systems there read.

import { z } from 'zod';

/** The columns an output row can carry (the fixed list the layout picks from). */
export const OUTPUT_COLUMNS = [
  'accountNo',
  'amount',
  'currency',
  'bookingDate',
  'valueDate',
  'payerName',
  'payerAccount',
  'title',
  'bankReference',
  'virtualAccount',
  'premisesKind',
  'address',
  'method',
  'statementId',
  'statementAccount',
  'itemKey',
  'runId',
] as const;
export type OutputColumn = (typeof OUTPUT_COLUMNS)[number];

export const OUTPUT_ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1250', 'windows-1251', 'iso-8859-2', 'cp852', 'cp866'] as const;
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY', 'YYYYMMDD', 'YYMMDD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const column = z.enum(OUTPUT_COLUMNS);

const fixedField = z
  .object({
    column,
    width: z.number().int().min(1).max(1000),
    align: z.enum(['left', 'right']).default('left'),
    /** One character; "0" for amounts an old importer reads as digits. */
    pad: z.string().length(1).default(' '),
  })
  .strict();

const DEFAULT_COLUMNS: OutputColumn[] = ['accountNo', 'bookingDate', 'amount', 'payerName', 'title', 'bankReference'];

export const OutputLayoutSchema = z
  .object({
    kind: z.enum(['csv', 'fixed']).default('csv'),
    /** Default: the workspace language's code page — Windows-1250 (pl), Windows-1251 (uk), UTF-8 (en). */
    encoding: z.enum(OUTPUT_ENCODINGS).optional(),
    lineEnding: z.enum(['crlf', 'lf']).default('crlf'),
    decimalMark: z.enum([',', '.']).default(','),
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    /** File names; {run} is the run id, {kind} residential / commercial / unmatched. */
    fileName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\\/\0:*?"<>|]+$/, 'a file name without a path')
      .default('bank-{run}-{kind}.{ext}'),
    csv: z
      .object({
        separator: z.string().length(1).default(';'),
        header: z.boolean().default(true),
        columns: z.array(column).min(1).max(OUTPUT_COLUMNS.length).default(DEFAULT_COLUMNS),
        /** Text that starts like a spreadsheet formula gets a leading apostrophe (titles come from strangers). */
        formulaGuard: z.boolean().default(true),
      })
      .strict()
      .default({ separator: ';', header: true, columns: DEFAULT_COLUMNS, formulaGuard: true }),
    fixed: z
      .object({
        fields: z.array(fixedField).min(1).max(OUTPUT_COLUMNS.length * 2),
      })
      .strict()
      .default({
        fields: [
          { column: 'accountNo', width: 12, align: 'left', pad: ' ' },
          { column: 'bookingDate', width: 10, align: 'left', pad: ' ' },
          { column: 'amount', width: 14, align: 'right', pad: ' ' },
          { column: 'payerName', width: 40, align: 'left', pad: ' ' },
          { column: 'title', width: 70, align: 'left', pad: ' ' },
        ],
      }),
  })
  .strict();

export type OutputLayout = z.infer<typeof OutputLayoutSchema>;
