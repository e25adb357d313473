import { execFile } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseSegmentFileName, segmentPath, type Segment } from './segments';
import type { StoredSegment } from './retention';

const run = promisify(execFile);

/** Segments still being written, apart from the finished ones (never listed, never swept). */
export const PART_DIR = '.part';

const DAY_DIR = /^\d{4}-\d{2}-\d{2}$/;

async function entries(dir: string): Promise<string[]> {
	try {
		return await readdir(dir);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw e;
	}
}

/** A camera's finished segments on the given local days (all days when omitted), in order. */
export async function listSegments(
	recDir: string,
	cameraId: string,
	days?: readonly string[]
): Promise<Segment[]> {
	const camDir = join(recDir, cameraId);
	const dayDirs = days ?? (await entries(camDir)).filter((d) => DAY_DIR.test(d));
	const out: Segment[] = [];
	for (const day of dayDirs) {
		for (const name of await entries(join(camDir, day))) {
			const t = parseSegmentFileName(name);
			if (t) out.push({ cameraId, ...t, path: `${cameraId}/${day}/${name}` });
		}
	}
	return out.sort((a, b) => a.startMs - b.startMs);
}

/** Every finished segment with its size, and the bytes of the parts being written (for the sweeper). */
export async function listStored(
	recDir: string
): Promise<{ segments: StoredSegment[]; writingBytes: number }> {
	const segments: StoredSegment[] = [];
	let writingBytes = 0;
	for (const cameraId of await entries(recDir)) {
		for (const s of await listSegments(recDir, cameraId)) {
			const size = await stat(join(recDir, s.path)).catch(() => null);
			if (size) segments.push({ ...s, bytes: size.size });
		}
		for (const part of await entries(join(recDir, cameraId, PART_DIR))) {
			writingBytes +=
				(await stat(join(recDir, cameraId, PART_DIR, part)).catch(() => null))?.size ?? 0;
		}
	}
	return { segments, writingBytes };
}

/** Moves a closed part to its finished name, which holds its wall-clock start and end. */
export async function finishPart(
	recDir: string,
	cameraId: string,
	partName: string,
	startMs: number,
	endMs: number,
	timeZone: string
): Promise<string> {
	const to = segmentPath(cameraId, startMs, endMs, timeZone);
	await mkdir(join(recDir, to, '..'), { recursive: true });
	await rename(join(recDir, cameraId, PART_DIR, partName), join(recDir, to));
	return to;
}

async function probeSeconds(file: string): Promise<number | null> {
	try {
		const { stdout } = await run(
			'ffprobe',
			['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
			{ timeout: 10_000 }
		);
		const s = Number(stdout.trim());
		return Number.isFinite(s) && s > 0 ? s : null;
	} catch {
		return null;
	}
}

/**
 * Copies what is whole of a cut fragmented MP4 into a new file (a truncated fragment's index
 * still lists the samples that were never written; the copy keeps only those that were).
 */
async function salvage(file: string, to: string): Promise<boolean> {
	try {
		await run(
			'ffmpeg',
			[
				'-v',
				'error',
				'-y',
				'-i',
				file,
				'-map',
				'0:v:0',
				'-c',
				'copy',
				'-movflags',
				'+frag_keyframe+empty_moov+default_base_moof',
				'-f',
				'mp4',
				to
			],
			{ timeout: 60_000 }
		);
		return true;
	} catch {
		return false;
	}
}

/**
 * Files a killed run left in the camera's part folder (its last, half-written segment): what is
 * whole of it is kept, timed from its last write back over its duration; what holds no picture
 * is dropped. Called when no run of the camera is writing.
 */
export async function recoverParts(
	recDir: string,
	cameraId: string,
	timeZone: string
): Promise<string[]> {
	const dir = join(recDir, cameraId, PART_DIR);
	await mkdir(dir, { recursive: true });
	const recovered: string[] = [];
	for (const name of await entries(dir)) {
		const file = join(dir, name);
		if (name.startsWith('salvaged-')) {
			await rm(file, { force: true });
			continue;
		}
		const info = await stat(file).catch(() => null);
		const copy = join(dir, `salvaged-${name}`);
		const seconds =
			info && info.size > 0 && (await salvage(file, copy)) ? await probeSeconds(copy) : null;
		await rm(file, { force: true });
		if (!info || seconds === null) {
			await rm(copy, { force: true });
			continue;
		}
		const endMs = Math.round(info.mtimeMs);
		const startMs = endMs - Math.round(seconds * 1000);
		recovered.push(
			await finishPart(recDir, cameraId, `salvaged-${name}`, startMs, endMs, timeZone)
		);
	}
	return recovered;
}
