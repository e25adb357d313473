import type { GradeChange } from '$lib/domain/live';
import type { MerchantPoints } from '$lib/domain/read-model';
import type { RiskGrade } from '$lib/domain/risk/risk-settings';
import { gradeCode, paintPoint, type GradeCode } from './grade-colors';

export type PointRow = MerchantPoints['rows'][number];

/**
 * Every merchant of the map in typed arrays that deck.gl draws as they are (binary attributes):
 * a grade change rewrites four bytes, never a 100,000-object array. `version` counts the
 * recolourings so the layer knows when to upload the colours again.
 */
export class PointStore {
	readonly length: number;
	readonly ids: string[];
	readonly names: string[];
	readonly districts: string[];
	/** lon, lat per point. */
	readonly positions: Float32Array;
	/** RGBA per point. */
	readonly colors: Uint8Array;
	/** Radius in pixels per point (riskier is bigger). */
	readonly radii: Float32Array;
	readonly grades: Uint8Array;
	/** Open alerts per point (the hexagons' weight). */
	readonly alerts: Uint16Array;
	/** Merchants per grade code (0: not graded). */
	readonly gradeCounts = [0, 0, 0, 0, 0];
	version = 0;
	readonly #index = new Map<string, number>();

	constructor(rows: readonly PointRow[]) {
		const n = rows.length;
		this.length = n;
		this.ids = new Array<string>(n);
		this.names = new Array<string>(n);
		this.districts = new Array<string>(n);
		this.positions = new Float32Array(n * 2);
		this.colors = new Uint8Array(n * 4);
		this.radii = new Float32Array(n);
		this.grades = new Uint8Array(n);
		this.alerts = new Uint16Array(n);
		rows.forEach(([id, lon, lat, district, , grade, alerts, name], i) => {
			this.ids[i] = id;
			this.names[i] = name;
			this.districts[i] = district;
			this.positions[i * 2] = lon;
			this.positions[i * 2 + 1] = lat;
			const code = gradeCode(grade);
			this.grades[i] = code;
			this.gradeCounts[code]!++;
			this.alerts[i] = Math.min(alerts, 0xffff);
			paintPoint(this.colors, this.radii, i, code);
			this.#index.set(id, i);
		});
	}

	indexOf(merchantId: string): number {
		return this.#index.get(merchantId) ?? -1;
	}

	/** Whether the merchant's colour changed (unknown merchants and same grades do not). */
	setGrade(merchantId: string, grade: RiskGrade | null): boolean {
		const i = this.indexOf(merchantId);
		if (i < 0) return false;
		const code: GradeCode = gradeCode(grade);
		const before = this.grades[i]!;
		if (before === code) return false;
		this.grades[i] = code;
		this.gradeCounts[before]!--;
		this.gradeCounts[code]!++;
		paintPoint(this.colors, this.radii, i, code);
		return true;
	}

	/** Adds (or with a negative delta removes) open alerts; the point's index, -1 if unknown. */
	addAlerts(merchantId: string, delta: number): number {
		const i = this.indexOf(merchantId);
		if (i < 0) return -1;
		this.alerts[i] = Math.max(0, Math.min(0xffff, this.alerts[i]! + delta));
		return i;
	}

	position(i: number): [number, number] {
		return [this.positions[i * 2]!, this.positions[i * 2 + 1]!];
	}
}

/**
 * Grade changes waiting for the next frame, the newest per merchant: at 1,000 updates a second
 * a merchant can change twice between two frames, and only its last grade matters.
 */
export class PendingGrades {
	#byMerchant = new Map<string, RiskGrade>();

	add(changes: readonly GradeChange[]): void {
		for (const c of changes) this.#byMerchant.set(c.merchantId, c.to);
	}

	get size(): number {
		return this.#byMerchant.size;
	}

	clear(): void {
		this.#byMerchant.clear();
	}

	/** Applies and forgets them; how many points changed colour. */
	flushInto(store: PointStore): number {
		let changed = 0;
		for (const [id, grade] of this.#byMerchant) if (store.setGrade(id, grade)) changed++;
		this.#byMerchant.clear();
		if (changed > 0) store.version++;
		return changed;
	}
}
