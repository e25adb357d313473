/**
 * The total uncompressed size a zip (an .xlsx) declares in its central directory, read before
 * anything is inflated: a few MB of upload must not become gigabytes of XML in memory. Null when
 * the bytes are not a plain zip (no end record, or zip64 sizes, which no honest 5 MB workbook
 * needs).
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
	let end = -1;
	for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 65_535); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) return null;
	const entries = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	let total = 0;
	for (let n = 0; n < entries; n++) {
		if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return null;
		const size = view.getUint32(at + 24, true);
		if (size === 0xffffffff) return null;
		total += size;
		at +=
			46 +
			view.getUint16(at + 28, true) +
			view.getUint16(at + 30, true) +
			view.getUint16(at + 32, true);
	}
	return total;
}
