import QRCode from 'qrcode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { httpSignIn } from '../helpers/accounts';
import { registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';

let sys: TestSystem;

beforeAll(async () => {
	sys = await startSystem();
	await publishEvent(sys.js, registered('m-qr', '370102', '二维码试点店'));
});
afterAll(() => sys?.stop());

it('public code - the door sheet carries a QR code of the shop public page, for regulators only', async () => {
	const { cookie } = await httpSignIn(sys.webUrl, 'sup-a');
	const sheet = async (who: string | null) =>
		fetch(`${sys.webUrl}/registry/m-qr/public-code`, {
			headers: { accept: 'text/html', ...(who ? { cookie: who } : {}) },
			redirect: 'manual'
		});
	const page = await eventually(async () => {
		const res = await sheet(cookie);
		return res.status === 200 ? res.text() : undefined;
	});
	const url = `${sys.webUrl}/p/m-qr`;
	const src =
		/data-testid="public-qr"[^>]*src="([^"]+)"|src="([^"]+)"[^>]*data-testid="public-qr"/.exec(
			page
		);
	const dataUrl = (src?.[1] ?? src?.[2] ?? '').replaceAll('&amp;', '&');
	expect(dataUrl.startsWith('data:image/svg+xml;base64,')).toBe(true);
	const svg = Buffer.from(dataUrl.split(',')[1]!, 'base64').toString();
	// The code encodes exactly the shop's public address (what a diner's phone opens).
	expect(svg).toBe(
		await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
	);
	expect(page).toContain(url);
	// Not a public page: signed out, the sheet sends to sign-in.
	expect([302, 303]).toContain((await sheet(null)).status);
});
