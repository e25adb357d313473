import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './nats-server';

export interface RtspCamera {
	/** rtsp://127.0.0.1:<port>/live */
	url: string;
	/** Kills the camera (encoder and server): viewers lose it, new connections are refused. */
	kill(): Promise<void>;
	/** Brings it back on the same address. */
	restart(): Promise<void>;
	stop(): Promise<void>;
	/** RTSP clients that have played it so far. */
	plays(): number;
	/** TCP connections it has accepted so far (a probe or a refused PLAY counts too). */
	connections(): number;
}

/**
 * A real RTSP camera for tests: ffmpeg encodes a test pattern (H.264) to RTP on a local UDP port
 * and a small RTSP server hands those packets to every client that PLAYs, interleaved over TCP
 * (what `-rtsp_transport tcp` asks for). ffmpeg's own `-rtsp_flags listen` only receives pushed
 * streams (ANNOUNCE/RECORD), it cannot serve a PLAY, hence this.
 */
export async function startRtspCamera(): Promise<RtspCamera> {
	const port = await freePort();
	const dir = await mkdtemp(join(tmpdir(), 'fs-rtsp-'));
	let encoder: ChildProcess | undefined;
	let udp: UdpSocket | undefined;
	let server: Server | undefined;
	const clients = new Set<Socket>();
	const playing = new Set<Socket>();
	let plays = 0;
	let connections = 0;
	let sdp = '';

	const launch = async () => {
		udp = createSocket('udp4');
		await new Promise<void>((r) => udp!.bind(0, '127.0.0.1', () => r()));
		const rtpPort = udp.address().port;
		udp.on('message', (packet) => {
			const frame = Buffer.alloc(4 + packet.length);
			frame[0] = 0x24;
			frame[1] = 0;
			frame.writeUInt16BE(packet.length, 2);
			packet.copy(frame, 4);
			for (const c of playing) c.write(frame);
		});
		const sdpFile = join(dir, 'camera.sdp');
		encoder = spawn(
			'ffmpeg',
			[
				'-hide_banner',
				'-loglevel',
				'error',
				'-nostdin',
				'-re',
				'-f',
				'lavfi',
				'-i',
				'testsrc2=size=320x240:rate=25',
				'-c:v',
				'libx264',
				'-preset',
				'ultrafast',
				'-tune',
				'zerolatency',
				'-g',
				'25',
				'-f',
				'rtp',
				'-sdp_file',
				sdpFile,
				`rtp://127.0.0.1:${rtpPort}?pkt_size=1200`
			],
			{ stdio: 'ignore' }
		);
		const until = Date.now() + 10_000;
		for (;;) {
			sdp = await readFile(sdpFile, 'utf8').catch(() => '');
			if (sdp.includes('m=video')) break;
			if (Date.now() > until) throw new Error('the test camera wrote no SDP');
			await new Promise((r) => setTimeout(r, 50));
		}
		server = createServer((socket) => {
			connections++;
			clients.add(socket);
			socket.on('close', () => {
				clients.delete(socket);
				playing.delete(socket);
			});
			socket.on('error', () => {});
			let buffered = '';
			socket.on('data', (d) => {
				buffered += d.toString('latin1');
				let end: number;
				while ((end = buffered.indexOf('\r\n\r\n')) >= 0) {
					const request = buffered.slice(0, end);
					buffered = buffered.slice(end + 4);
					answer(socket, request);
				}
			});
		});
		await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
	};

	const answer = (socket: Socket, request: string) => {
		const [line = '', ...headers] = request.split('\r\n');
		const method = line.split(' ')[0];
		const header = (name: string) =>
			headers
				.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`))
				?.slice(name.length + 1)
				.trim();
		const cseq = header('CSeq') ?? '0';
		const reply = (extra: string[], body = '') => {
			socket.write(
				[
					'RTSP/1.0 200 OK',
					`CSeq: ${cseq}`,
					...extra,
					...(body ? [`Content-Length: ${Buffer.byteLength(body)}`] : []),
					'',
					body
				].join('\r\n')
			);
		};
		const url = `rtsp://127.0.0.1:${port}/live`;
		switch (method) {
			case 'OPTIONS':
				reply(['Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER']);
				break;
			case 'DESCRIBE': {
				const body =
					sdp
						.replace(/c=IN IP4 .*/g, 'c=IN IP4 0.0.0.0')
						.replace(/m=video \d+/, 'm=video 0')
						.trim() + '\r\na=control:trackID=0\r\n';
				reply([`Content-Base: ${url}/`, 'Content-Type: application/sdp'], body);
				break;
			}
			case 'SETUP':
				reply(['Transport: RTP/AVP/TCP;unicast;interleaved=0-1', 'Session: 12345678']);
				break;
			case 'PLAY':
				reply(['Session: 12345678', 'Range: npt=0.000-']);
				plays++;
				playing.add(socket);
				break;
			case 'TEARDOWN':
				reply(['Session: 12345678']);
				socket.end();
				break;
			default:
				reply(['Session: 12345678']);
		}
	};

	const kill = async () => {
		if (encoder && encoder.exitCode === null && encoder.signalCode === null) {
			const gone = new Promise((r) => encoder!.once('exit', r));
			encoder.kill('SIGKILL');
			await gone;
		}
		for (const c of clients) c.destroy();
		playing.clear();
		if (server) await new Promise<void>((r) => server!.close(() => r()));
		server = undefined;
		udp?.close();
		udp = undefined;
	};

	await launch();
	return {
		url: `rtsp://127.0.0.1:${port}/live`,
		kill,
		restart: async () => {
			await kill();
			await launch();
		},
		stop: async () => {
			await kill();
			await rm(dir, { recursive: true, force: true });
		},
		plays: () => plays,
		connections: () => connections
	};
}
