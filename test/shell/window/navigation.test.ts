import { describe, expect, it } from 'vitest';
import { externalLinkDecision } from '../../../electron/window/navigation';

describe('links out of the app (Electron checklist 13-15)', () => {
  it.each(['https://www.easypay.co.kr/', 'https://developers.kicc.co.kr/docs?a=1#b'])(
    'opens %s in the browser',
    (url) => {
      expect(externalLinkDecision(url)).toBe('open-in-browser');
    },
  );

  it.each([
    ['plain http', 'http://example.com/'],
    ['file', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['a Windows shell protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['search-ms', 'search-ms:query=invoice'],
    ['smb share', 'smb://server/share'],
    ['UNC via file', 'file://server/share/x.exe'],
    ['the app itself', 'app://desk/index.html'],
    ['data', 'data:text/html,hi'],
    ['user info hiding the host', 'https://www.kicc.co.kr@evil.example/'],
    ['not a URL', 'www.kicc.co.kr'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => {
    expect(externalLinkDecision(url)).toBe('deny');
  });
});
