import { readFileSync } from 'node:fs';
import { freePort, isPortFree } from '../../scripts/launcher/net';

// A test starts several servers on ports it picked beforehand. Asking the OS (bind to 0, close)
// can hand out the same port twice: CI saw a system whose web and processor got one port, the
// processor bound it, the web could not, and the test's orders were answered by the processor's
// 404. The OS can also give a just-freed port to an outgoing connection before the server binds
// it. So each test worker takes its ports from its own range, below the range the OS hands out,
// and never the same one twice while it runs.

const FIRST = 20_000;
const PER_WORKER = 200;
const WORKERS = 60;

/** The worker's slot: vitest's pool id (1…), Playwright's parallel index (0…), else the last. */
function workerSlot(): number {
	const id = process.env.VITEST_POOL_ID ?? process.env.TEST_PARALLEL_INDEX;
	return id === undefined || !/^\d+$/.test(id) ? WORKERS - 1 : Number(id) % (WORKERS - 1);
}

/** Whether the ranges sit below the ports the OS picks for bind(0) and outgoing connections. */
function belowEphemeral(): boolean {
	try {
		const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/);
		return Number(low) >= FIRST + WORKERS * PER_WORKER;
	} catch {
		return false;
	}
}

const ownRange = belowEphemeral();
const handedOut = new Set<number>();

/** A free port of this worker's own range (the OS's choice where the ranges cannot be used). */
export async function testPort(): Promise<number> {
	if (!ownRange) return freePort();
	const first = FIRST + workerSlot() * PER_WORKER;
	for (let port = first; port < first + PER_WORKER; port++) {
		if (handedOut.has(port) || !(await isPortFree(port))) continue;
		handedOut.add(port);
		return port;
	}
	throw new Error(`no free test port left in ${first}–${first + PER_WORKER - 1}`);
}
