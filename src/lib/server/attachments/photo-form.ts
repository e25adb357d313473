import {
	MAX_PHOTO_BYTES,
	MAX_PHOTOS_PER_RECORD,
	MAX_UPLOAD_BODY_BYTES
} from '../../domain/attachments';
import { preparePhoto, PhotoError, type PreparedPhoto } from './photos';

export type PhotoProblem = 'too_large' | 'too_many' | 'not_image';

/**
 * Reads a form that carries up to three photos (field `photos`): refused before a byte is read
 * when it says it is too big, and every photo checked and shrunk before anything is stored (one
 * bad photo refuses the form whole). The adapter's BODY_SIZE_LIMIT bounds what is read when the
 * length is not told.
 */
export async function readPhotoForm(
	request: Request,
	setHeaders: (headers: Record<string, string>) => void
): Promise<
	| { ok: true; form: FormData; photos: PreparedPhoto[] }
	| { ok: false; status: number; problem: PhotoProblem; form?: FormData }
> {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BODY_BYTES) {
		// The body is left unread, so this connection cannot carry another request.
		setHeaders({ connection: 'close' });
		return { ok: false, status: 413, problem: 'too_large' };
	}
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		const tooLarge = (e as { status?: number }).status === 413;
		return {
			ok: false,
			status: tooLarge ? 413 : 400,
			problem: tooLarge ? 'too_large' : 'not_image'
		};
	}
	const files = form.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
	if (files.length > MAX_PHOTOS_PER_RECORD) {
		return { ok: false, status: 400, problem: 'too_many', form };
	}
	if (files.some((f) => f.size > MAX_PHOTO_BYTES)) {
		return { ok: false, status: 413, problem: 'too_large', form };
	}
	const photos: PreparedPhoto[] = [];
	for (const file of files) {
		try {
			photos.push(await preparePhoto(new Uint8Array(await file.arrayBuffer())));
		} catch (e) {
			if (e instanceof PhotoError) return { ok: false, status: 400, problem: 'not_image', form };
			throw e;
		}
	}
	return { ok: true, form, photos };
}
