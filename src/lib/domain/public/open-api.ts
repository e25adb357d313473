import { z } from 'zod';
import {
	publicInspectionPage,
	publicInspectionQuery,
	publicShop,
	publicShopPage,
	publicShopQuery
} from './public-shop';

/** The open-data API's base path; its version is in the path (a breaking change is a v2). */
export const OPEN_API_BASE = '/open/v1';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output' });

/** Query parameters of a GET, from the zod schema the server parses them with. */
function parameters(q: z.ZodObject) {
	const json = z.toJSONSchema(q, { target: 'draft-2020-12', io: 'input' }) as {
		properties: Record<string, object>;
	};
	return Object.entries(json.properties).map(([name, s]) => ({
		name,
		in: 'query',
		required: false,
		schema: s
	}));
}

const problem = {
	description: 'Refused',
	content: {
		'application/json': {
			schema: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] }
		}
	}
};
const limited = {
	description: 'Too many requests from this address; retry after the given seconds.',
	headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
	content: problem.content
};
const ok = (ref: string, description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } }
});

/**
 * 开放数据: the OpenAPI 3.1 description of the public, read-only API — shops with their grade,
 * licence status and latest result, and recent inspection results. The response schemas are the
 * zod schemas the server itself parses its answers with, so the document cannot drift.
 */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: '食品安全公示 开放数据接口 (Food-safety open data)',
			version: '1.0.0',
			description:
				'Read-only public data: shops, their risk grade (A–D), licence status and latest ' +
				'inspection result, and recent inspection results. No personal data. Rate-limited ' +
				'per client address (HTTP 429 with Retry-After). Answers may be up to 60 s old.'
		},
		servers: [{ url: `${serverUrl}${OPEN_API_BASE}` }],
		paths: {
			'/merchants': {
				get: {
					operationId: 'listMerchants',
					summary: 'Shops, paged, by name/address search and district',
					parameters: parameters(publicShopQuery),
					responses: {
						'200': ok('MerchantPage', 'A page of shops'),
						'400': problem,
						'429': limited
					}
				}
			},
			'/merchants/{id}': {
				get: {
					operationId: 'getMerchant',
					summary: 'One shop with its public facts',
					parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
					responses: {
						'200': ok('Merchant', 'The shop'),
						'404': problem,
						'429': limited
					}
				}
			},
			'/inspections': {
				get: {
					operationId: 'listInspections',
					summary: 'Recent inspection results, newest first',
					parameters: parameters(publicInspectionQuery),
					responses: {
						'200': ok('InspectionPage', 'A page of inspection results'),
						'400': problem,
						'429': limited
					}
				}
			}
		},
		components: {
			schemas: {
				MerchantPage: schema(publicShopPage),
				Merchant: schema(publicShop),
				InspectionPage: schema(publicInspectionPage)
			}
		}
	};
}
