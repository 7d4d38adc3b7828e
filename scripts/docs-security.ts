// Writes the permission catalogue (src/shared/permissions.ts) into docs/security.md between its markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { withCatalogue } from '../src/shared/permissions-table.js';

const file = new URL('../docs/security.md', import.meta.url);
writeFileSync(file, withCatalogue(readFileSync(file, 'utf8')));
console.log('docs/security.md: catalogue table written');
