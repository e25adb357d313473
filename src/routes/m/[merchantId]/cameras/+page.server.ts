import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { uuidv7 } from '$lib/domain/ids';
import { cameraAreas } from '$lib/domain/events/camera';
import { mayConfigure } from '$lib/domain/video/access';
import { cameraFromForm, cameraSwitch } from '$lib/domain/video/camera-form';
import { cameraList, type CameraListItem } from '$lib/domain/video/camera-list';
import { config } from '$lib/server/config';
import { readApi } from '$lib/server/read-api';
import { pollUntil, recordEvent } from '$lib/server/record-event';
import { shopOf } from '../shop.server';
import type { Actions, PageServerLoad } from './$types';

type Shop = Awaited<ReturnType<typeof shopOf>>;

const camerasOf = async ({ viewer, shop }: Shop) =>
	(
		await readApi(
			viewer.claims,
			`/api/merchants/${encodeURIComponent(shop.id)}/cameras`,
			cameraList
		)
	).items;

/** Lands on a list that already shows the change (bounded: the event is safe in the stream). */
const untilListed = (shop: Shop, seen: (cameras: CameraListItem[]) => boolean) =>
	pollUntil(async () => seen(await camerasOf(shop)));

/** The shop's people and whether this one may change the cameras (the owner; staff only look). */
async function configurable(locals: App.Locals, merchantId: string) {
	const shop = await shopOf(locals, merchantId);
	const allowed = mayConfigure(shop.viewer.claims, {
		merchantId: shop.shop.id,
		districtId: shop.shop.districtId
	});
	return { ...shop, allowed };
}

/** 明厨亮灶: the shop's cameras, their status, and (for the owner) their settings. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const shop = await configurable(locals, params.merchantId);
	return {
		shop: { id: shop.shop.id, name: shop.shop.name },
		// Only that a camera is dark and since when: why (unreachable, refused…) would let a shop
		// probe what the video service can reach by registering addresses and reading the reason.
		cameras: (await camerasOf(shop)).map(({ offline, ...c }) => ({
			...c,
			offline: offline && { since: offline.since }
		})),
		mayEdit: shop.allowed,
		areas: cameraAreas
	};
};

const cameraRef = z.object({ cameraId: z.string().min(1).max(64) });

export const actions: Actions = {
	/** 登记摄像头: a new camera of this shop (an RTSP address or the test pattern). */
	register: async ({ locals, params, request }) => {
		const shop = await configurable(locals, params.merchantId);
		if (!shop.allowed) return fail(403, { problems: ['forbidden'] as const });
		const form = Object.fromEntries(await request.formData());
		const existing = await camerasOf(shop);
		const result = cameraFromForm(
			form,
			uuidv7(),
			existing.length,
			config().VIDEO_ALLOW_SOURCE_HOSTS
		);
		if (!result.ok) {
			// The address is not sent back: it may hold the camera's password.
			const { name, area, sourceKind } = form;
			return fail(400, { problems: result.problems, values: { name, area, sourceKind } });
		}
		const { payload } = result;
		await recordEvent(shop.viewer, {
			type: 'camera.registered',
			merchantId: shop.shop.id,
			districtId: shop.shop.districtId,
			payload
		});
		await untilListed(shop, (list) => list.some((c) => c.cameraId === payload.cameraId));
		return { done: 'registered' as const };
	},
	/** The public-view or recording switch of one camera. */
	switch: async ({ locals, params, request }) => {
		const shop = await configurable(locals, params.merchantId);
		if (!shop.allowed) return fail(403, { problems: ['forbidden'] as const });
		const parsed = cameraSwitch.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problems: ['unknown'] as const });
		const { cameraId, field, value } = parsed.data;
		// Only a camera of this shop (the id comes from a form).
		if (!(await camerasOf(shop)).some((c) => c.cameraId === cameraId)) {
			return fail(404, { problems: ['unknown'] as const });
		}
		await recordEvent(shop.viewer, {
			type: 'camera.updated',
			merchantId: shop.shop.id,
			districtId: shop.shop.districtId,
			payload: { cameraId, [field]: value }
		});
		await untilListed(shop, (list) =>
			list.some((c) => c.cameraId === cameraId && c[field] === value)
		);
		return { done: 'updated' as const };
	},
	/** 移除: the camera is no longer watched, relayed or recorded (recordings age out as usual). */
	remove: async ({ locals, params, request }) => {
		const shop = await configurable(locals, params.merchantId);
		if (!shop.allowed) return fail(403, { problems: ['forbidden'] as const });
		const parsed = cameraRef.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problems: ['unknown'] as const });
		const { cameraId } = parsed.data;
		if (!(await camerasOf(shop)).some((c) => c.cameraId === cameraId)) {
			return fail(404, { problems: ['unknown'] as const });
		}
		await recordEvent(shop.viewer, {
			type: 'camera.removed',
			merchantId: shop.shop.id,
			districtId: shop.shop.districtId,
			payload: { cameraId }
		});
		await untilListed(shop, (list) => !list.some((c) => c.cameraId === cameraId));
		return { done: 'removed' as const };
	}
};
