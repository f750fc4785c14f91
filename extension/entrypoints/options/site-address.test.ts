import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteAddress } from './site-address';

test('an address without a scheme: http for this computer and IP addresses, https otherwise; what is assumed is said', () => {
  assert.deepEqual(siteAddress('localhost:8069'), { origin: 'http://localhost:8069', pattern: 'http://localhost/*', assumed: 'http:// assumed (an address on this computer or network)' });
  assert.deepEqual(siteAddress('192.168.1.20:8000/app'), { origin: 'http://192.168.1.20:8000', pattern: 'http://192.168.1.20/*', assumed: 'http:// assumed (an address on this computer or network)' });
  assert.deepEqual(siteAddress(' erp.example.com '), { origin: 'https://erp.example.com', pattern: 'https://erp.example.com/*', assumed: 'https:// assumed' });
  assert.deepEqual(siteAddress('http://erp.example.com:8080/x'), { origin: 'http://erp.example.com:8080', pattern: 'http://erp.example.com/*', assumed: null });
});

test('what is not a web address is refused, saying why', () => {
  assert.match((siteAddress('') as { error: string }).error, /Type the address/);
  assert.match((siteAddress('ftp://files.example.com') as { error: string }).error, /only http:\/\/ and https:\/\//i);
  assert.match((siteAddress('mailto:x@example.com') as { error: string }).error, /not a web address/);
  assert.match((siteAddress('exa mple') as { error: string }).error, /not a web address/);
});
