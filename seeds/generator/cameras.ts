import type { CameraArea } from '../../src/lib/domain/events/camera';
import { DEFAULT_RETENTION_DAYS } from '../../src/lib/domain/events/camera';
import type { BusinessType } from '../../src/lib/domain/index';
import type { DemoDistrict, Merchant } from './model';
import { createRng } from './rng';

/** How many kitchens of the demo get cameras, besides the demo owner's two shops. */
export const DEMO_CAMERA_KITCHENS = 30;
/**
 * Cameras recording around the clock cost an ffmpeg each on the demo machine: only the demo
 * owner's and a few more record (the rest are watched live, on demand).
 */
const RECORDING_KITCHENS = 2;

const kitchens: readonly BusinessType[] = [
	'restaurant',
	'school_canteen',
	'elderly_care_canteen',
	'company_canteen'
];
const areaNames: Record<CameraArea, string> = {
	cooking: '后厨灶台',
	cold_dishes: '凉菜间',
	washing: '洗消间',
	storage: '库房'
};

export interface DemoCamera {
	merchant: Merchant;
	cameraId: string;
	name: string;
	area: CameraArea;
	publicView: boolean;
	recording: boolean;
	retentionDays: number;
}

/**
 * The demo's 明厨亮灶 cameras, all on the built-in test pattern: 1–3 per kitchen for a share of
 * the district's kitchens spread over the districts, always including the demo owner's two
 * shops (the first two of 历下区, demo-accounts.ts). The stove camera is usually public, the
 * others seldom. Same seed, same cameras (ids from the merchant id).
 */
export function demoCameras(district: DemoDistrict): DemoCamera[] {
	const rng = createRng(district.seed).fork('cameras');
	const lixia = district.merchants.filter((m) => m.districtId === '370102');
	const demoShops = (lixia.length >= 2 ? lixia : district.merchants).slice(0, 2);
	const others = district.merchants
		.filter((m) => kitchens.includes(m.businessType) && !demoShops.includes(m))
		.map((m) => ({ m, order: rng.next() }))
		.sort((a, b) => a.order - b.order)
		.slice(0, DEMO_CAMERA_KITCHENS)
		.map(({ m }) => m);
	const out: DemoCamera[] = [];
	for (const [i, m] of [...demoShops, ...others].entries()) {
		const demo = i < demoShops.length;
		const count = demo ? 3 : rng.int(1, 3);
		const second: CameraArea = rng.chance(0.7) ? 'cold_dishes' : 'storage';
		const third: CameraArea = second === 'storage' || rng.chance(0.8) ? 'washing' : 'storage';
		const areas: CameraArea[] = ['cooking', second, third];
		for (const [n, area] of areas.slice(0, count).entries()) {
			out.push({
				merchant: m,
				cameraId: `cam-${m.id}-${n + 1}`,
				name: areaNames[area],
				area,
				publicView: area === 'cooking' ? demo || rng.chance(0.6) : rng.chance(0.15),
				recording: demo || i < demoShops.length + RECORDING_KITCHENS,
				retentionDays: DEFAULT_RETENTION_DAYS
			});
		}
	}
	return out;
}
