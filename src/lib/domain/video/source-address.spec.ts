import { describe, expect, it } from 'vitest';
import {
	addressAllowed,
	checkSourceHost,
	classifyAddress,
	parseAllowList,
	splitRtspUrl,
	withAddress
} from './source-address';

const why = (url: string, allow: string[] = []) => {
	const r = checkSourceHost(url, allow);
	return r.ok ? 'ok' : r.why;
};

describe('source address', () => {
	it('source address - the host is the one ffmpeg connects to (after the last @, before / ? #)', () => {
		expect(splitRtspUrl('rtsp://u:p@10.0.0.2:554/s')).toMatchObject({
			auth: 'u:p@',
			host: '10.0.0.2',
			portAndRest: ':554/s'
		});
		expect(splitRtspUrl('rtsp://evil.example@127.0.0.1/s')?.host).toBe('127.0.0.1');
		expect(splitRtspUrl('rtsp://a@b@127.0.0.1:554')?.host).toBe('127.0.0.1');
		expect(splitRtspUrl('rtsp://127.0.0.1?@cam.example/')?.host).toBe('127.0.0.1');
		expect(splitRtspUrl('rtsps://[::1]:322/x')).toMatchObject({ host: '::1', bracketed: true });
		expect(splitRtspUrl('http://10.0.0.2/')).toBeUndefined();
	});

	it('source address - IPv4: loopback, link-local, unspecified, multicast, reserved refused; private and public allowed', () => {
		for (const u of ['127.0.0.1', '127.255.0.9', '169.254.169.254', '0.0.0.0', '0.1.2.3']) {
			expect(why(`rtsp://${u}:554/s`), u).not.toBe('ok');
		}
		expect(why('rtsp://127.0.0.1/')).toBe('loopback');
		expect(why('rtsp://169.254.169.254/latest/meta-data')).toBe('link_local');
		expect(why('rtsp://0.0.0.0/')).toBe('unspecified');
		expect(why('rtsp://239.1.1.1/')).toBe('multicast');
		expect(why('rtsp://255.255.255.255/')).toBe('reserved');
		for (const u of ['10.0.0.2', '172.16.0.1', '172.31.255.1', '192.168.1.20', '100.64.0.7']) {
			expect(why(`rtsp://admin:pw@${u}:554/stream1`), u).toBe('ok');
		}
		expect(why('rtsp://203.0.113.9/s')).toBe('ok');
		expect(why('rtsp://172.32.0.1/s')).toBe('ok');
	});

	it('source address - numbers that are not a plain dotted quad are refused (getaddrinfo reads them)', () => {
		for (const h of [
			'2130706433',
			'0x7f.1',
			'0x7f000001',
			'0177.0.0.1',
			'127.1',
			'127.0.1',
			'127.0.0.01',
			'1.2.3.4.5',
			'256.0.0.1',
			'10.0.0.2.',
			'cam.0x10'
		]) {
			expect(why(`rtsp://${h}:554/s`), h).toBe('non_canonical');
		}
	});

	it('source address - IPv6, bracketed: loopback, unspecified, link-local, multicast and mapped IPv4 judged', () => {
		expect(why('rtsp://[::1]:554/s')).toBe('loopback');
		expect(why('rtsp://[0:0:0:0:0:0:0:1]/s')).toBe('loopback');
		expect(why('rtsp://[::]/s')).toBe('unspecified');
		expect(why('rtsp://[fe80::1]/s')).toBe('link_local');
		expect(why('rtsp://[FEBF::1]/s')).toBe('link_local');
		expect(why('rtsp://[ff02::1]/s')).toBe('multicast');
		expect(why('rtsp://[::ffff:127.0.0.1]/s')).toBe('loopback');
		expect(why('rtsp://[::ffff:7f00:1]/s')).toBe('loopback');
		expect(why('rtsp://[::ffff:169.254.169.254]/s')).toBe('link_local');
		expect(why('rtsp://[::127.0.0.1]/s')).toBe('loopback');
		expect(why('rtsp://[64:ff9b::7f00:1]/s')).toBe('loopback');
		expect(why('rtsp://[fe80::1%25eth0]/s')).toBe('invalid');
		expect(why('rtsp://[1.2.3.4]/s')).toBe('invalid');
		expect(why('rtsp://[fd12:3456::20]:554/s')).toBe('ok');
		expect(why('rtsp://[2001:db8::20]/s')).toBe('ok');
		expect(why('rtsp://[::ffff:192.168.1.2]/s')).toBe('ok');
	});

	it('source address - localhost names refused; other names left to the connect-time lookup', () => {
		for (const h of ['localhost', 'LOCALHOST.', 'cam.localhost', 'ip6-localhost']) {
			expect(why(`rtsp://${h}/s`), h).toBe('local_name');
		}
		expect(why('rtsp://nvr.shop.example:554/s')).toBe('ok');
		expect(checkSourceHost('rtsp://nvr.shop.example/s')).toMatchObject({ ok: true, ip: false });
		expect(checkSourceHost('rtsp://10.0.0.2/s')).toMatchObject({ ok: true, ip: true });
		expect(why('rtsp://bad%2fhost/s')).toBe('invalid');
		expect(why('rtsp:///s')).toBe('invalid');
	});

	it('source address - the allow-list lets a named host through (tests: 127.0.0.1)', () => {
		const allow = parseAllowList(' 127.0.0.1, [::1] ,Cam.Localhost ');
		expect(allow).toEqual(['127.0.0.1', '::1', 'cam.localhost']);
		expect(why('rtsp://127.0.0.1:8554/live', allow)).toBe('ok');
		expect(why('rtsp://[::1]:8554/live', allow)).toBe('ok');
		expect(why('rtsp://cam.localhost/live', allow)).toBe('ok');
		expect(why('rtsp://127.0.0.2/live', allow)).toBe('loopback');
		expect(parseAllowList(undefined)).toEqual([]);
	});

	it('source address - resolved addresses: classified, refused unless allowed', () => {
		expect(classifyAddress('10.1.2.3')).toBe('private');
		expect(classifyAddress('::1')).toBe('loopback');
		expect(classifyAddress('nvr.example')).toBeUndefined();
		expect(addressAllowed('93.184.216.34')).toBe(true);
		expect(addressAllowed('127.0.0.1')).toBe(false);
		expect(addressAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
		expect(addressAllowed('fe80::1')).toBe(false);
		expect(addressAllowed('garbage')).toBe(false);
	});

	it('source address - a checked address replaces the name, keeping credentials, port and path', () => {
		expect(withAddress('rtsp://u:p@nvr.example:554/s?x=1', '10.0.0.2')).toBe(
			'rtsp://u:p@10.0.0.2:554/s?x=1'
		);
		expect(withAddress('rtsps://nvr.example/s', 'fd00::2')).toBe('rtsps://[fd00::2]/s');
	});
});
