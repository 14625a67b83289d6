import { parseJsonSource } from './backend/registry/json-source.ts';
import { readFileSync } from 'node:fs';
const text = readFileSync('/work/shared/fixtures/driverlog-upstream/default_data.json', 'utf8');
let big = JSON.parse(text); big.drivers = Array.from({length: 12}, () => big.drivers).flat();
const bigText = JSON.stringify(big, null, 2);
let t = performance.now(); const r = parseJsonSource(bigText); console.log('cold', performance.now() - t);
