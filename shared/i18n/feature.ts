// Feature catalogues: each feature (readings, bank, …) keeps its strings in its own file, merged into
// the one UI, report and CLI catalogue, so that the features can grow without editing one shared
// file. The types make a missing Polish or Ukrainian string a compile error, as in the main files.

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** pl/uk strings for the keys `en` defines: a string for a string, all plural forms for a plural. */
export type Localized<E> = { [K in keyof E]: E[K] extends string ? string : Required<PluralForms> };

export interface FeatureText<E> {
  en: E;
  pl: Localized<E>;
  uk: Localized<E>;
}
