#!/usr/bin/env node
// The registry these machines reach has only chdb's linux-x64 library, so `npm install` leaves
// chdb's other optional platform packages out of package-lock.json and `npm ci` then refuses
// the lock. This records them (version and platform only: never fetched on linux-x64).
// Run after any `npm install` that rewrites the lock: `node scripts/fix-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const chdb = lock.packages['node_modules/chdb'];
let added = 0;
for (const [name, version] of Object.entries(chdb?.optionalDependencies ?? {})) {
	const key = `node_modules/${name}`;
	if (lock.packages[key]) continue;
	const [, os, cpu] = /lib-(darwin|linux)-(arm64|x64)/.exec(name) ?? [];
	lock.packages[key] = { version, optional: true, ...(os ? { os: [os], cpu: [cpu] } : {}) };
	added++;
}
lock.packages = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))
);
writeFileSync(path, JSON.stringify(lock, null, '\t') + '\n');
console.log(`[fix-lock] recorded ${added} optional platform package(s)`);
