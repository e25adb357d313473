import { describe, expect, it } from 'vitest';
import type { Draft } from './drafts';
import { submissionOf, syncDraft } from './sync';

const draft = (over: Partial<Draft> = {}): Draft => ({
	inspectionId: 'insp-019ac0de-0000-7000-8000-000000000001',
	merchantId: 'm-a',
	merchantName: '甲店',
	taskId: null,
	alertIds: [],
	startedAt: '2026-11-28T01:00:00.000Z',
	completedAt: '2026-11-28T02:00:00.000Z',
	items: {
		kitchen_clean: { outcome: 'fail', note: ' 油污 ' },
		pest_control: { outcome: 'pass', note: '' }
	},
	photos: { kitchen_clean: [new Blob(['a']), new Blob(['b'])] },
	coInspectorId: 'insp-b',
	confirmed: true,
	result: 'rectify',
	deadline: '',
	signer: '王店长',
	signature: new Blob(['png']),
	status: 'queued',
	uploaded: [],
	error: null,
	updatedAt: '2026-11-28T02:00:00.000Z',
	...over
});

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake server that records what it was sent and answers from `answer`. */
function server(answer: (path: string, body: BodyInit | null | undefined) => Response) {
	const sent: string[] = [];
	const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const path = String(input);
		const body = init?.body;
		sent.push(body instanceof FormData ? `${path} ${String(body.get('slot'))}` : path);
		return answer(path, body);
	}) as typeof fetch;
	return { sent, fetchFn };
}

describe('inspection sync', () => {
	it('inspect sync - photos go first, one by one, the ones already sent skipped, then the visit', async () => {
		const d = draft({ uploaded: ['item-kitchen_clean-1'] });
		const { sent, fetchFn } = server((path) =>
			path.endsWith('/photo') ? json(200, { attachmentId: 'x' }) : json(200, { status: 'stored' })
		);
		const saved: string[][] = [];
		const outcome = await syncDraft(d, async (x) => void saved.push([...x.uploaded]), fetchFn);
		expect(outcome).toEqual({ kind: 'stored' });
		expect(sent).toEqual([
			'/inspect/check/m-a/photo item-kitchen_clean-2',
			'/inspect/check/m-a/photo signature',
			'/inspect/check/m-a/submit'
		]);
		expect(saved.at(-1)).toEqual(['item-kitchen_clean-1', 'item-kitchen_clean-2', 'signature']);
	});

	it('inspect sync - no network is a retry; a photo the server lost is sent again next time', async () => {
		const offline = server(() => {
			throw new TypeError('Failed to fetch');
		});
		expect((await syncDraft(draft(), async () => {}, offline.fetchFn)).kind).toBe('retry');
		const d = draft({ uploaded: ['item-kitchen_clean-1', 'item-kitchen_clean-2', 'signature'] });
		const lost = server(() => json(409, { problem: 'photos_missing', missing: ['signature'] }));
		expect(await syncDraft(d, async () => {}, lost.fetchFn)).toEqual({
			kind: 'retry',
			reason: 'photos_missing'
		});
		expect(d.uploaded).toEqual(['item-kitchen_clean-1', 'item-kitchen_clean-2']);
	});

	it('inspect sync - a refusal is kept with its reason; a sign-in page is a retry', async () => {
		const d = draft({ uploaded: ['item-kitchen_clean-1', 'item-kitchen_clean-2', 'signature'] });
		const refused = server(() => json(422, { problem: { kind: 'deadline' } }));
		expect(await syncDraft(d, async () => {}, refused.fetchFn)).toEqual({
			kind: 'failed',
			reason: '{"kind":"deadline"}'
		});
		const signIn = server(() => new Response('<html>登录</html>', { status: 200 }));
		expect((await syncDraft(d, async () => {}, signIn.fetchFn)).kind).toBe('retry');
	});

	it('inspect sync - the visit sends photo counts, trimmed notes and the confirmed result', () => {
		const s = submissionOf(draft());
		expect(s.items).toEqual([
			{ itemId: 'kitchen_clean', outcome: 'fail', note: '油污', photos: 2 },
			{ itemId: 'pest_control', outcome: 'pass', note: '', photos: 0 }
		]);
		expect(s.confirmedResult).toBe('rectify');
		expect(s.coInspectorIds).toEqual(['insp-b']);
		expect(s).not.toHaveProperty('deadline');
	});
});
