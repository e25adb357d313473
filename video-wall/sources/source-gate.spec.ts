import { describe, expect, it } from 'vitest';
import { sourceGate, SourceRefusedError } from './source-gate';

/** A name server of our own: what each name resolves to (DNS rebinding: it may change). */
const names = new Map<string, string[]>();
const resolve = async (host: string) => {
	const a = names.get(host);
	if (!a) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
	return a;
};
const rtsp = (url: string) => ({ kind: 'rtsp' as const, url });

describe('source gate', () => {
	it('source gate - a name is resolved at each connect, ffmpeg gets the checked address', async () => {
		const gate = sourceGate([], resolve);
		names.set('nvr.shop.example', ['192.168.1.20', '2001:db8::20']);
		await expect(gate(rtsp('rtsp://u:p@nvr.shop.example:554/s'))).resolves.toEqual(
			rtsp('rtsp://u:p@192.168.1.20:554/s')
		);
		// The same name now points at the metadata service, or at this machine among others.
		names.set('nvr.shop.example', ['169.254.169.254']);
		await expect(gate(rtsp('rtsp://nvr.shop.example/s'))).rejects.toBeInstanceOf(
			SourceRefusedError
		);
		names.set('nvr.shop.example', ['192.168.1.20', '::1']);
		await expect(gate(rtsp('rtsp://nvr.shop.example/s'))).rejects.toBeInstanceOf(
			SourceRefusedError
		);
	});

	it('source gate - literal addresses, the allow-list, test patterns, names that do not resolve', async () => {
		const gate = sourceGate(['127.0.0.1'], resolve);
		await expect(gate(rtsp('rtsp://127.0.0.1:8554/live'))).resolves.toEqual(
			rtsp('rtsp://127.0.0.1:8554/live')
		);
		await expect(gate(rtsp('rtsp://[::1]/s'))).rejects.toThrow('refused address (loopback)');
		await expect(gate(rtsp('rtsp://0x7f.1/s'))).rejects.toThrow('non_canonical');
		await expect(gate({ kind: 'test_pattern' })).resolves.toEqual({ kind: 'test_pattern' });
		const lost = gate(rtsp('rtsp://gone.example/s'));
		await expect(lost).rejects.toThrow('name not known (ENOTFOUND)');
		await expect(lost).rejects.not.toBeInstanceOf(SourceRefusedError);
	});
});
