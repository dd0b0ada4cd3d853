// The readings importers, for the service: one import point.
export { importReadingsFile, importReadingsFileSteps, READING_FILE_FORMATS, type ReadingFileFormat, type ReadingsFileInput, type ReadingsFileResult } from './file';
export { ColumnMappingSchema, ColumnRefSchema, parseReadingsCsv, splitAlarms, type ColumnMapping, type ColumnRef } from './csv';
export { parseWmbusJson, parseWmbusCsv, type WmbusFieldsOptions } from './wmbus';
export { fileHashOf, fileSourceId, type ImportContext, type ImportResult } from './common';
export { DATE_FORMATS, type DateFormat } from './dates';
