import QRCode from 'qrcode';
import { registryMerchantOf } from '../../merchant.server';
import type { PageServerLoad } from './$types';

/**
 * The sheet for the shop's door (公示码): a QR code of its public page, and the address printed
 * big enough to key in for a phone that cannot scan. The code is drawn here, on the server, as an
 * SVG (sharp when printed at any size; error correction M survives a scuffed sticker).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { merchant } = await registryMerchantOf(locals, params.merchantId);
	const publicUrl = `${url.origin}/p/${encodeURIComponent(merchant.id)}`;
	const svg = await QRCode.toString(publicUrl, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2
	});
	return {
		merchant: { id: merchant.id, name: merchant.name, address: merchant.address },
		publicUrl,
		qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
	};
};
