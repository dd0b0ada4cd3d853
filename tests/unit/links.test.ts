import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../../shared/errors/problem';
import { checkExternalUrl } from '../../main/security/links';
import { ElectronLinkOpener } from '../../main/electron/links';

const codeOf = (url: string) => {
  try {
    checkExternalUrl(url, 'en');
    return 'ok';
  } catch (e) {
    return (e as ProblemError).problem.code;
  }
};

describe('external links', () => {
  it('opens only https addresses with a real host and no credentials', () => {
    expect(codeOf('https://www.gov.pl/web/finanse')).toBe('ok');
    for (const bad of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@bank.example/', 'https://intranet/', 'not a url', 'data:text/html,<script>']) {
      expect(codeOf(bad), bad).toBe('SAL-6025');
    }
  });

  it('never echoes credentials from a refused address', () => {
    try {
      checkExternalUrl('https://jan:tajne-haslo@bank.example/', 'pl');
    } catch (e) {
      expect(JSON.stringify((e as ProblemError).problem)).not.toContain('tajne-haslo');
    }
  });

  it('asks the operator, naming the host, before the browser opens anything', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const answers = [1, 0];
    const dialog = { showMessageBox: vi.fn(async () => ({ response: answers.shift()!, checkboxChecked: false })) };
    const opener = new ElectronLinkOpener(shell as never, dialog as never, () => null, () => ({ title: 'T', message: 'Open {host}?', open: 'Open', cancel: 'Cancel' }));
    const url = checkExternalUrl('https://portal.example.pl/help', 'en');
    expect(await opener.open(url)).toBe(false); // the operator cancelled
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(await opener.open(url)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://portal.example.pl/help');
    expect((dialog.showMessageBox.mock.calls[0] as unknown[])[0]).toMatchObject({ message: 'Open portal.example.pl?' });
  });
});
