// The activation letters as a report document (the report model's letter layout): one A4 page per
// premises, in the residents' language, with the address, the account number, the code and how to
// register. The document holds the codes in plain text: it is built in memory, rendered to PDF
// and dropped — never stored, logged or registered as a report kind that could be printed again.

import type { Locale } from '../../../shared/domain/types';
import { reportText } from '../../../shared/i18n/reports';
import { formatDate, formatInstant, type ReportDoc, type ReportLetter, type ReportOrganisation } from '../../reports/model';
import { formatCode } from './code';
import type { Premises } from './select';

export interface LetterInput {
  premises: Premises;
  /** Normalised code (code.ts); printed grouped. */
  code: string;
  codeId: string;
  version: number;
  /** The code id this one replaces, if the resident may hold an older letter. */
  replaces: string | null;
  issuedAt: Date;
  expiresAt: Date;
  /** The last day the code works (YYYY-MM-DD, premises' time). */
  lastDay: string;
}

export interface LettersContext {
  organisation: ReportOrganisation;
  locale: Locale;
  timeZone: string;
  portalUrl?: string;
  operator: string;
  printedAt: Date;
}

/** Where the locality starts in an address: a Polish postcode ("30-001 Kraków") or a Ukrainian place marker ("м. Київ"). */
const LOCALITY = /^(\d{2}-\d{3}\s|(м|с|смт|сел|г)\.\s)/u;

/**
 * The address as the accounting data gives it — Polish "ul. Lipowa 5, 30-001 Kraków", Ukrainian
 * "вул. Лесі Українки, 3, м. Київ, 01001" — split for an envelope: the street line with the flat
 * ("ul. Lipowa 5, lok. 12"), then the locality ("30-001 Kraków"). An address in neither form stays
 * one line, with the flat after it.
 */
export function addressLines(p: Premises, locale: Locale): string[] {
  const parts = p.address.split(', ');
  let at = parts.findIndex((x, i) => i > 0 && LOCALITY.test(x));
  if (at < 0) at = parts.length;
  const street = parts.slice(0, at).join(', ');
  const rest = parts.slice(at).join(', ');
  const first = p.unit ? `${street}, ${reportText(locale, 'letterUnit', { unit: p.unit })}` : street;
  return rest ? [first, rest] : [first];
}

function letter(x: LetterInput, ctx: LettersContext): ReportLetter {
  const { locale } = ctx;
  const t = (key: Parameters<typeof reportText>[1], params?: Record<string, string | number>) => reportText(locale, key, params);
  const org = ctx.organisation.name;
  const p = x.premises;
  const lines = addressLines(p, locale);
  const address = lines.join(', ');
  const recipient = [p.owner_name, ...lines];
  const paragraphs = [t('letterIntro', { organisation: org, address, account: p.account_no })];
  if (x.replaces) paragraphs.push(t('letterReplaces', { previous: x.replaces }));
  return {
    recipient,
    reference: [
      { label: t('letterAccount'), value: p.account_no },
      { label: t('letterCodeId'), value: x.codeId },
      { label: t('letterIssued'), value: formatInstant(x.issuedAt, locale, ctx.timeZone) },
      { label: t('letterValidUntil'), value: formatInstant(x.expiresAt, locale, ctx.timeZone) },
    ],
    subject: t('letterSubject'),
    salutation: t('letterSalutation'),
    paragraphs,
    highlight: { label: t('letterCodeLabel'), value: formatCode(x.code), note: t('letterCodeNote', { date: formatDate(x.lastDay, locale) }) },
    steps: {
      heading: t('letterStepsHeading'),
      items: [
        ctx.portalUrl ? t('letterStepUrl', { url: ctx.portalUrl }) : t('letterStepNoUrl'),
        t('letterStepRegister'),
        t('letterStepEnter', { account: p.account_no }),
        t('letterStepPassword'),
      ],
    },
    remarks: [t('letterSecurity')],
    closing: [t('letterClosing'), org],
    footnote: t('letterFootnote', { codeId: x.codeId, version: x.version }),
  };
}

export function buildLetters(inputs: readonly LetterInput[], ctx: LettersContext): ReportDoc {
  return {
    kind: 'activation-letters',
    title: reportText(ctx.locale, 'lettersTitle'),
    organisation: ctx.organisation,
    period: null,
    operator: ctx.operator,
    printedAt: ctx.printedAt,
    locale: ctx.locale,
    timeZone: ctx.timeZone,
    sections: [],
    letters: inputs.map((x) => letter(x, ctx)),
  };
}
