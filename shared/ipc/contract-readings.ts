// The readings feature's IPC channels, merged into the one contract (shared/ipc/contract.ts): request
// schemas with the permission each needs, response types, and the preload's function names.
// Agreed API: /work/briefs/readings-api.md. Every channel needs `readings.process`; the service
// also requires `exchange.run` to read the portal feed (seed 000: the exchange is the
// administrators' unless granted), as `www.send` does for a real send.

import { z } from 'zod';
import type { Permission } from '../domain/permissions';
import type { Problem, RunStatus } from '../domain/types';
import { accountNo, period, runId } from './atoms';

const noControl = /^[^\p{Cc}]*$/u;
const text = (max: number) => z.string().max(max).regex(noControl, 'no control characters');

export const READING_OUTCOMES = ['accepted', 'held', 'rejected', 'duplicate', 'superseded'] as const;
export type ReadingOutcomeName = (typeof READING_OUTCOMES)[number];
export const READING_MEDIA = ['cold_water', 'hot_water', 'heat', 'electricity', 'gas'] as const;
export const READING_FORMATS = ['csv', 'wmbus-json', 'wmbus-csv'] as const;
export type ReadingFormat = (typeof READING_FORMATS)[number];
/** 'auto': UTF-8 when the bytes are valid UTF-8 (BOM or not), else the configured fallback. */
export const READING_ENCODINGS = ['auto', 'utf-8', 'windows-1250', 'windows-1251'] as const;
export type ReadingEncoding = (typeof READING_ENCODINGS)[number];

/** The archive id of a reading (ReadingView.key). */
export const readingKey = z.string().regex(/^[1-9]\d{0,14}$/, 'expected a reading key (archive id)');
export const mappingName = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, space, dot, dash or underscore');

/** A column of the radio operator's CSV: its header text, or its 1-based position. */
const columnRef = z.union([z.string().trim().min(1).max(128).regex(noControl, 'no control characters'), z.number().int().min(1).max(512)]);

/**
 * A saved CSV column mapping as it crosses IPC. The readings core (main/readings/import/csv.ts)
 * owns the importer's schema; the service re-checks a mapping against it before saving or using it.
 */
export const columnMapping = z
  .object({
    name: mappingName,
    delimiter: z.enum(['auto', ';', ',', '\t']).optional(),
    header: z.boolean(),
    decimalMark: z.enum(['.', ',']).optional(),
    dateFormats: z.array(z.enum(['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY'])).min(1).max(3).optional(),
    /** The premises' zone for timestamps with an offset (default from the workspace locale). */
    timeZone: z.string().min(1).max(64).regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/, 'an IANA zone like Europe/Warsaw').optional(),
    columns: z
      .object({
        meterId: columnRef.optional(),
        serial: columnRef.optional(),
        radioId: columnRef.optional(),
        accountNo: columnRef.optional(),
        date: columnRef,
        value: columnRef.optional(),
        /** Per-zone value columns (zone 1, 2, …) instead of one value column. */
        zoneValues: z.array(columnRef).min(1).max(4).optional(),
        zone: columnRef.optional(),
        alarms: columnRef.optional(),
      })
      .strict(),
  })
  .strict();
export type ColumnMappingInput = z.infer<typeof columnMapping>;

/** 64 MiB decoded is at most this many base64 characters. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4;

const portalImport = z.object({ source: z.literal('portal'), period: period.optional() }).strict();
const fileImport = z
  .object({
    source: z.literal('file'),
    /** The file's name as the operator chose it (shown in grids and reports; never opened as a path). */
    fileName: z.string().trim().min(1).max(255).regex(/^[^\p{Cc}/\\]+$/u, 'a file name without folders or control characters'),
    /** The file's bytes, base64. */
    content: z.string().min(1).max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    format: z.enum(READING_FORMATS),
    /** For csv: a saved mapping's name, or a mapping given whole. */
    mapping: z.union([mappingName, columnMapping]).optional(),
    encoding: z.enum(READING_ENCODINGS).optional(),
    period: period.optional(),
  })
  .strict();

export const readingsImportRequest = z.discriminatedUnion('source', [portalImport, fileImport]);
export type ReadingsImportRequest = z.infer<typeof readingsImportRequest>;

export const READINGS_CALLS = {
  'readings.list': {
    request: z
      .object({
        runId: runId.optional(),
        outcome: z.enum(READING_OUTCOMES).optional(),
        building: text(32).optional(),
        medium: z.enum(READING_MEDIA).optional(),
        search: text(200).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    permission: 'readings.process',
  },
  'readings.review': {
    request: z
      .object({
        keys: z.array(readingKey).min(1).max(10_000),
        decision: z.enum(['accept', 'reject']),
        note: z.string().trim().min(1).max(500).regex(noControl, 'no control characters'),
      })
      .strict(),
    permission: 'readings.process',
  },
  'readings.history': {
    request: z.union([z.object({ meterId: z.string().min(1).max(64).regex(noControl) }).strict(), z.object({ accountNo }).strict()]),
    permission: 'readings.process',
  },
  'readings.mappings': { request: z.object({}).strict(), permission: 'readings.process' },
  'readings.saveMapping': { request: z.object({ mapping: columnMapping }).strict(), permission: 'readings.process' },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** Channels that start a long job (answer {jobId}, then job.progress and job.finished events). */
export const READINGS_JOBS = {
  'readings.import': { request: readingsImportRequest, permission: 'readings.process' },
  'readings.recheck': {
    request: z.object({ runId, keys: z.array(readingKey).min(1).max(100_000).optional() }).strict(),
    permission: 'readings.process',
  },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** The summary of an import or a re-check: the window's result and, exactly, `saldo readings import --json`. */
export interface ReadingsImportSummary {
  runId: number;
  status: RunStatus;
  read: number;
  accepted: number;
  held: number;
  rejected: number;
  duplicates: number;
  superseded: number;
  /** Rule findings by code (every problem of every reading, warnings included). */
  byCode: Record<string, number>;
  /** File-level and run-level problems, then the readings' problems (listed up to a limit). */
  errors: Problem[];
}

/** One archived reading as the grids, the history and the reports show it. */
export interface ReadingView {
  /** The archive id (ReadingsReview keys). */
  key: string;
  /** The run that last judged it (its import, or a re-check). */
  runId: number;
  source: 'portal' | 'radio';
  /** The portal item id, or `<file sha256, 16 hex>:<line>[:<zone>]`. */
  sourceId: string;
  meterId?: string;
  serial?: string;
  radioId?: string;
  accountNo?: string;
  building?: string;
  address?: string;
  medium?: (typeof READING_MEDIA)[number];
  zone: number;
  readingDate: string;
  /** The value as the source wrote it. */
  value: string;
  /** The value as a decimal string with the meter's decimals. */
  normalized?: string;
  previousValue?: string;
  previousDate?: string;
  consumption?: string;
  unit?: string;
  outcome: ReadingOutcomeName;
  problems: Problem[];
  /** Who decided a held reading, when (ISO 8601 UTC), and the note. */
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
  file?: string;
  line?: number;
}

export interface ReadingsPage {
  rows: ReadingView[];
  total: number;
  /** Buildings and media present under the run/outcome filter (for the filter lists). */
  buildings: string[];
  media: string[];
}

/** A saved CSV column mapping of the acting operator. */
export interface ColumnMappingView {
  name: string;
  mapping: ColumnMappingInput;
  updatedAt: string;
}

export interface ReadingsReviewResult {
  accepted: number;
  rejected: number;
  errors: Problem[];
}

export interface ReadingsCallResponses {
  'readings.list': ReadingsPage;
  'readings.review': ReadingsReviewResult;
  'readings.history': ReadingView[];
  'readings.mappings': ColumnMappingView[];
  'readings.saveMapping': ColumnMappingView;
}

export interface ReadingsJobResults {
  'readings.import': ReadingsImportSummary;
  'readings.recheck': ReadingsImportSummary;
}

/** Preload function name → channel; preload/index.ts writes each out by hand. */
export const READINGS_API_METHODS = {
  readingsImport: 'readings.import',
  readingsRecheck: 'readings.recheck',
  readingsList: 'readings.list',
  readingsReview: 'readings.review',
  readingsHistory: 'readings.history',
  readingsMappings: 'readings.mappings',
  readingsSaveMapping: 'readings.saveMapping',
} as const;
