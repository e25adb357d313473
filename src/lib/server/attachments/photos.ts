import { createHash } from 'node:crypto';
import sharp from 'sharp';
import {
	acceptedImageFormats,
	variantMaxPx,
	type AttachmentVariant
} from '../../domain/attachments';

/** Why an upload is not a photo we keep. */
export class PhotoError extends Error {
	override name = 'PhotoError';
}

export interface PhotoVersion {
	data: Buffer;
	contentType: 'image/jpeg' | 'image/webp';
	width: number;
	height: number;
	sha256: string;
}

export interface PreparedPhoto {
	sourceFormat: string;
	sourceSha256: string;
	versions: Record<AttachmentVariant, PhotoVersion>;
}

/** A 100-megapixel camera is the most a phone sends; more is a decompression bomb. */
const MAX_INPUT_PIXELS = 100_000_000;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Turns an upload into the versions we keep, trusting nothing about it: the format is read from
 * the bytes (a text file named .jpg is refused), the picture is turned upright from its EXIF
 * orientation, and the outputs carry no metadata at all (sharp writes none unless asked), so a
 * phone's GPS position and serial number never leave the server.
 */
export async function preparePhoto(input: Uint8Array): Promise<PreparedPhoto> {
	const open = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
	let format: string | undefined;
	try {
		format = (await open().metadata()).format;
	} catch (e) {
		throw new PhotoError('not an image', { cause: e });
	}
	if (!format || !(acceptedImageFormats as readonly string[]).includes(format)) {
		throw new PhotoError(`not an accepted image format: ${format ?? 'unknown'}`);
	}
	const render = async (variant: AttachmentVariant): Promise<PhotoVersion> => {
		const px = variantMaxPx[variant];
		const pipeline = open()
			.rotate()
			.resize({ width: px, height: px, fit: 'inside', withoutEnlargement: true });
		// Display: JPEG, what every browser and printer shows; thumbnail: WebP, a third smaller.
		const { data, info } = await (
			variant === 'display'
				? pipeline.jpeg({ quality: 82, mozjpeg: true })
				: pipeline.webp({ quality: 70 })
		).toBuffer({ resolveWithObject: true });
		return {
			data,
			contentType: variant === 'display' ? 'image/jpeg' : 'image/webp',
			width: info.width,
			height: info.height,
			sha256: sha256(data)
		};
	};
	try {
		// One after the other: a full-size photo decoded twice at once doubles the peak memory.
		const display = await render('display');
		const thumb = await render('thumb');
		return { sourceFormat: format, sourceSha256: sha256(input), versions: { display, thumb } };
	} catch (e) {
		// A truncated file fails here, and so does an iPhone HEIC: sharp's prebuilt libvips reads
		// HEIF only with AV1 inside (AVIF), not HEVC. Phones' browsers mostly send JPEG anyway.
		throw new PhotoError(`the ${format} image cannot be read`, { cause: e });
	}
}
