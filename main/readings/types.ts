// The meter readings feature's types, shared by its importers, its rules, its service and its
// store. A reading travels: source (portal feed or a file) → RawReading → rules → ReadingDecision
// → accounting (accepted), the review queue (held) or the rejected list; every one is archived.

import type { MeterReadingRow, MeterRow } from '../../shared/domain/accounting';
import type { Problem } from '../../shared/domain/types';

export type ReadingSource = 'portal' | 'radio';
export type Medium = MeterRow['medium'];

/** One register value as the source gave it, before any rule ran. */
export interface RawReading {
  /**
   * Stable id of the reading within its source, so that an import run twice is recognised:
   * the portal feed item's id, or `<sha256 of the file, 16 hex>:<line>[:<zone>]` for a file.
   */
  sourceId: string;
  source: ReadingSource;
  /** What names the meter: the portal's meter_id, or a file's serial and/or radio id. */
  meterId?: string;
  serial?: string;
  radioId?: string;
  /** The premises as the source names it (the portal always does; a radio file may not). */
  accountNo?: string;
  /** YYYY-MM-DD, the day the value was read (the premises' local calendar day). */
  readingDate: string;
  /** 1-based tariff zone; absent when the source gives a single value. */
  zone?: number;
  /**
   * How many zones the source gave for this meter and day (a file row with several zone columns
   * gives several RawReadings with the same zonesGiven); the zone-count rule compares it with the
   * meter's tariff_zones.
   */
  zonesGiven?: number;
  /** The value exactly as written (decimal comma or dot, possibly garbage): the rules judge it. */
  value: string;
  /**
   * The unit the source states for the value (wmbusmeters' field suffix: m3, kWh, GJ, MWh); absent
   * when the source does not say. The rules refuse a value in another unit than the meter's.
   */
  unit?: string;
  /** Alarm flags the radio device reported (e.g. leak, tamper), passed on as warnings. */
  alarms?: string[];
  /** Where it came from in an imported file. */
  file?: string;
  line?: number;
  /** When the resident submitted it on the portal (ISO 8601 with offset). */
  submittedAt?: string;
}

/** What the rules know about one meter: the contract's row and its recorded history. */
export interface MeterFacts {
  meter: MeterRow;
  /** Recorded readings (export_meter_readings), oldest first. */
  history: MeterReadingRow[];
  /** The premises' residents count (export_accounts), for the norm rule. */
  residents: number;
  /** The building, for grouping in grids and reports. */
  building: string;
  /** Meters of the same premises and medium that this meter replaced (removed earlier). */
  replaced: MeterRow[];
}

/** How a rule's finding is handled (issue: each rule has a configurable outcome). */
export type RuleAction = 'reject' | 'hold' | 'warn';

export type ReadingOutcome = 'accepted' | 'held' | 'rejected' | 'duplicate' | 'superseded';

/** The verdict on one raw reading. */
export interface ReadingDecision {
  raw: RawReading;
  outcome: ReadingOutcome;
  /** The meter it was matched to (absent when none matched). */
  meterId?: string;
  accountNo?: string;
  building?: string;
  medium?: Medium;
  zone: number;
  /** The value normalised to the meter's decimals (dot, no exponent); absent when not a number. */
  value?: string;
  /** The previous recorded value the consumption is measured from, and the consumption. */
  previousValue?: string;
  previousDate?: string;
  consumption?: string;
  /** Every rule finding, in the one error shape (severity error → reject, review → hold, warning → warn). */
  problems: Problem[];
  /** For duplicates and superseded readings: the sourceId of the reading that won. */
  supersededBy?: string;
}

/** A reading accepted for the accounting database (the rows of import_readings). */
export interface AcceptedReading {
  /**
   * Idempotency: the same reading_key is written once even when a batch is retried. 1..128
   * characters (e.g. the RawReading's sourceId plus the zone); stable across re-runs.
   */
  reading_key: string;
  /**
   * The premises the meter was matched to. Optional but send it: the database then also checks that
   * the meter belongs to this account (a meter id need not be unique across premises in a vendor's
   * system) and refuses the row otherwise.
   */
  account_no?: string;
  meter_id: string;
  reading_date: string;
  zone: number;
  value: string; // decimal text, the meter's decimals
  source: ReadingSource;
}

/** What the accounting database answered for each input row of import_readings. */
export interface ImportReadingResult {
  reading_key: string;
  status: 'written' | 'already' | 'refused';
  /** The database's reason when refused (vendor's text). */
  message?: string;
}
