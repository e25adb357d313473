import { spawn } from 'node:child_process';
import {
	decodeTimecode,
	TIMECODE,
	timecodeMs,
	timecodeSamplePoint
} from '../../src/lib/domain/video/timecode';

/** Whether bytes are whole MPEG-TS packets (188 bytes, each starting with 0x47). */
export function isTransportStream(bytes: Buffer): boolean {
	if (bytes.length === 0 || bytes.length % 188 !== 0) return false;
	for (let i = 0; i < bytes.length; i += 188) if (bytes[i] !== 0x47) return false;
	return true;
}

/** The codec of the first video stream ffprobe finds in the bytes (e.g. `mpeg1video`). */
export async function videoCodecOf(bytes: Buffer): Promise<string> {
	const out = await pipeThrough(
		'ffprobe',
		[
			'-v',
			'error',
			'-select_streams',
			'v:0',
			'-show_entries',
			'stream=codec_name',
			'-of',
			'csv=p=0',
			'-i',
			'pipe:0'
		],
		bytes
	);
	return out.toString().trim().split('\n')[0] ?? '';
}

/**
 * Decodes the frames in the bytes (MPEG-TS) with ffmpeg and reads the machine timecode of each:
 * the wall-clock ms it was made at (null where the row is not a timecode).
 */
export async function frameTimes(
	bytes: Buffer,
	width = 640,
	height = 360
): Promise<(number | null)[]> {
	const raw = await pipeThrough(
		'ffmpeg',
		['-v', 'error', '-f', 'mpegts', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
		bytes
	);
	const size = width * height;
	const times: (number | null)[] = [];
	for (let at = 0; at + size <= raw.length; at += size) {
		const luma = Array.from({ length: TIMECODE.bits }, (_, i) => {
			const { x, y } = timecodeSamplePoint(i);
			return raw[at + y * width + x] ?? 0;
		});
		const value = decodeTimecode(luma);
		times.push(value === null ? null : timecodeMs(value, Date.now()));
	}
	return times;
}

async function pipeThrough(cmd: string, args: string[], input: Buffer): Promise<Buffer> {
	const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
	const out: Buffer[] = [];
	let err = '';
	child.stdout.on('data', (d: Buffer) => out.push(d));
	child.stderr.on('data', (d: Buffer) => (err += d.toString()));
	child.stdin.on('error', () => {});
	child.stdin.end(input);
	const code = await new Promise<number | null>((r) => child.on('close', r));
	if (code !== 0 && out.length === 0) throw new Error(`${cmd} failed (${code}): ${err}`);
	return Buffer.concat(out);
}
