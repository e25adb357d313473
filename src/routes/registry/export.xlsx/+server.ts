import { error } from '@sveltejs/kit';
import { districtName } from '$lib/domain/districts';
import {
	EXPORT_MAX_ROWS,
	EXPORT_PAGE,
	parseRegistryQuery,
	registrySearch
} from '$lib/domain/registry/registry-query';
import { registryPage, type RegistryItem } from '$lib/domain/registry/read-model';
import { translate } from '$lib/i18n';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { writeXlsx } from '$lib/server/registry/xlsx';
import { localDay } from '$lib/domain/time';
import { REGISTRY_READERS } from '../merchant.server';
import type { RequestHandler } from './$types';

const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
const label = (prefix: string, value: string) =>
	translate('zh-CN', `${prefix}.${value}` as Parameters<typeof translate>[1]);

/**
 * The filtered registry list as a spreadsheet (the same query as the page, every page of it, up
 * to EXPORT_MAX_ROWS), in Chinese, codes kept as text so Excel does not round them.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { claims } = viewerOf(locals, REGISTRY_READERS);
	const parsed = parseRegistryQuery(url.searchParams);
	if (!parsed.success) error(400, `bad filter: ${parsed.error.issues[0]?.path.join('.')}`);
	const items: RegistryItem[] = [];
	for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += EXPORT_PAGE) {
		const q = registrySearch({ ...parsed.data, limit: EXPORT_PAGE, offset });
		const page = await readApi(claims, `/api/registry?${q}`, registryPage, { timeoutMs: 30_000 });
		items.push(...page.items);
		if (offset + EXPORT_PAGE >= page.total) break;
	}
	const body = await writeXlsx([
		{
			name: zh('registry.title'),
			headers: [
				zh('merchantForm.name'),
				zh('merchant.creditCode'),
				zh('registry.col.district'),
				zh('registry.col.type'),
				zh('merchantForm.scale'),
				zh('registry.col.status'),
				zh('merchant.address'),
				zh('registry.col.licence'),
				zh('merchantForm.validTo'),
				zh('registry.col.staff'),
				zh('export.certsLapsed'),
				zh('merchant.updatedAt')
			],
			textColumns: [1],
			rows: items.map((m) => [
				m.name,
				m.creditCode,
				districtName(m.districtId),
				label('businessType', m.businessType),
				label('scale', m.scale),
				label('merchantStatus', m.status),
				m.address,
				label('licenceStatus', m.licenceStatus),
				m.licenceValidTo,
				m.staffCount,
				m.certsLapsed,
				m.updatedAt.slice(0, 10)
			])
		}
	]);
	const name = `${zh('registry.title')}-${localDay(Date.now())}.xlsx`;
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="registry.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store'
		}
	});
};
