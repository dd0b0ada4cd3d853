// What differs between the window, the CLI and the test bridge: how PDFs are made, whether there
// is a system print dialog, how external links open. Services take these as ports.

import type { PdfPrinter } from '../reports/pdf';
import type { SafeStorageLike } from '../security/secrets';

/** The platform's printer: Electron's print dialog in the app; absent in the CLI and tests. */
export interface SystemPrinter {
  print(html: string, templates: { headerTemplate: string; footerTemplate: string }): Promise<boolean>;
}

/** Opens a checked https URL in the operator's browser (Electron's shell, after a confirmation). */
export interface LinkOpener {
  open(url: URL): Promise<boolean>;
}

export interface Ports {
  pdf: PdfPrinter;
  printer?: SystemPrinter;
  links?: LinkOpener;
  /**
   * Where secrets are kept: the app passes Electron's safeStorage (file secrets.app.json); the
   * CLI uses DPAPI on Windows or the owner-only key file elsewhere (secrets.json). Two files,
   * because neither program can decrypt the other's protection.
   */
  secrets?: { safeStorage?: SafeStorageLike; keyFile?: string };
}
