import { describe, expect, it } from 'vitest';
import { teamAddress } from './url';

describe('teamAddress', () => {
  it('reduces a URL to its origin, base and permission pattern', () => {
    expect(teamAddress(' http://127.0.0.1:8787/ ')).toEqual({ origin: 'http://127.0.0.1:8787', base: 'http://127.0.0.1:8787', pattern: 'http://127.0.0.1:8787/*' });
    expect(teamAddress('https://team.example/counterpoint/')?.base).toBe('https://team.example/counterpoint');
  });
  it('refuses what is not a plain http(s) address', () => {
    for (const bad of ['', 'team.example', 'ftp://team.example', 'javascript:alert(1)', 'https://u:p@team.example', 'https://team.example/?a=1', 'file:///etc']) {
      expect(teamAddress(bad), bad).toBeNull();
    }
  });
});
