#!/usr/bin/env node
// Makes a fresh machine ready: npm dependencies, the OS tools the system runs, and the web
// build. Plain JavaScript with no dependencies, because it runs before `npm ci`.
//   node scripts/setup.mjs [--build] [--test]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const log = (m) => console.log(`[setup] ${m}`);
const fail = (m) => {
	console.error(`[setup] ${m}`);
	process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major !== 20 || minor < 19)
	fail(`Node.js 20.19+ (not 21+) is needed, this is ${process.version}.`);

const run = (cmd, argv, env = {}) => {
	const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) fail(`${cmd} ${argv.join(' ')} failed (exit ${r.status}).`);
};

// 1. npm dependencies, when missing or older than the lock file.
const installed = join(root, 'node_modules/.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
	log('installing npm dependencies (npm ci)');
	// Browsers come from Debian's chromium, never from a download.
	run('npm', ['ci', '--no-audit', '--no-fund'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
}

// 2. OS tools, from Debian's packages.
const tools = [
	{ bin: 'nats-server', pkg: 'nats-server' },
	{ bin: 'ffmpeg', pkg: 'ffmpeg' },
	...(args.has('--test') ? [{ bin: 'chromium', pkg: 'chromium' }] : [])
];
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
// A CJK font: the video service burns shop names and kitchen areas into its test patterns
// (ffmpeg drawtext), and Chromium draws Chinese as empty boxes without one (browser tests).
const hasCjkFont = () =>
	spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .'], { stdio: 'ignore' }).status === 0;
if (!hasCjkFont()) tools.push({ bin: 'fc-list', pkg: 'fonts-wqy-microhei', check: hasCjkFont });
const present = (t) => (t.check ? t.check() : has(t.bin));
const missing = tools.filter((t) => !present(t));
if (missing.length > 0) {
	const pkgs = missing.map((t) => t.pkg);
	const isRoot = process.getuid?.() === 0;
	if (!isRoot || !has('apt-get')) {
		fail(
			`missing ${missing.map((t) => t.bin).join(', ')}. Install with: sudo apt-get install -y ${pkgs.join(' ')}`
		);
	}
	log(`installing ${pkgs.join(', ')} with apt-get`);
	run('apt-get', ['update', '-qq']);
	run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
		DEBIAN_FRONTEND: 'noninteractive'
	});
	const still = missing.filter((t) => !present(t));
	if (still.length) fail(`apt-get did not provide ${still.map((t) => t.bin).join(', ')}`);
}

// 3. The web build, when missing or older than its sources.
if (args.has('--build')) {
	const stamp = join(root, 'build/.stamp');
	const newest = (p) => {
		const s = statSync(p);
		if (!s.isDirectory()) return s.mtimeMs;
		return Math.max(s.mtimeMs, ...readdirSync(p).map((n) => newest(join(p, n))));
	};
	const inputs = [
		'src',
		'static',
		'svelte.config.js',
		'vite.config.ts',
		'package-lock.json',
		'seeds/geo'
	]
		.map((p) => join(root, p))
		.filter(existsSync);
	if (!existsSync(stamp) || Math.max(...inputs.map(newest)) > statSync(stamp).mtimeMs) {
		log('building the web app');
		run('npx', ['vite', 'build', '--logLevel', 'warn']);
		writeFileSync(stamp, new Date().toISOString());
	}
}

log(`ready (${execFileSync('nats-server', ['--version']).toString().trim()})`);
