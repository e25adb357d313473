/**
 * Shrinks a phone photo in the browser before it is sent: a 12-megapixel camera JPEG (4–8 MB)
 * becomes ~300 KB at 1600 px, which a slow mobile network uploads in seconds. The canvas copy is
 * upright and carries no EXIF. Only a courtesy: the server checks and re-encodes every upload.
 * A photo the browser cannot decode (HEIC in Chrome) is sent as it is.
 */
export async function downscale(file: File, maxPx = 1600, quality = 0.85): Promise<Blob> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return file;
	}
	try {
		const scale = Math.min(1, maxPx / Math.max(bitmap.width, bitmap.height));
		// Already small: re-encoding would only lose quality.
		if (scale === 1 && file.size <= 600 * 1024) return file;
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(bitmap.width * scale);
		canvas.height = Math.round(bitmap.height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) return file;
		ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', quality));
		return blob && blob.size < file.size ? blob : file;
	} finally {
		bitmap.close();
	}
}
