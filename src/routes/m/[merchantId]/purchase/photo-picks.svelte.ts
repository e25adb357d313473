import { downscale } from '$lib/photos/downscale';

type Photo = { blob: Blob; url: string };

/**
 * The photos picked for a form, already downscaled, with their previews. They are sent in the
 * form's place of its file input, so a removed photo is not sent and a slow network carries
 * only the small copies.
 */
export class PhotoPicks {
	photos = $state<Photo[]>([]);
	/** Photos still being downscaled. */
	preparing = $state(0);

	constructor(readonly max: number) {}

	get full(): boolean {
		return this.photos.length + this.preparing >= this.max;
	}

	async add(files: readonly File[]): Promise<void> {
		const picked = files.slice(0, this.max - this.photos.length - this.preparing);
		this.preparing += picked.length;
		for (const file of picked) {
			const blob = await downscale(file);
			this.photos.push({ blob, url: URL.createObjectURL(blob) });
			this.preparing--;
		}
	}

	remove(i: number): void {
		const [gone] = this.photos.splice(i, 1);
		if (gone) URL.revokeObjectURL(gone.url);
	}

	/** Puts the downscaled copies in the form data instead of what the file input holds. */
	appendTo(formData: FormData, name: string): void {
		formData.delete(name);
		this.photos.forEach((p, i) => formData.append(name, p.blob, `photo-${i + 1}.jpg`));
	}

	dispose(): void {
		this.photos.forEach((p) => URL.revokeObjectURL(p.url));
	}
}
