import type { Merchant } from '../generator/model';
import type { Rng } from '../generator/rng';
import type { At } from './ledgers';
import { nextId, type SimEvent, type SimState } from './state';

type Category = 'hygiene' | 'foreign_object' | 'illness' | 'expired_food' | 'price' | 'other';

const texts: Record<Category, readonly string[]> = {
	hygiene: ['后厨地面有积水，操作间苍蝇很多', '服务员不戴口罩直接端菜', '餐具上有油污没洗干净'],
	foreign_object: ['菜里吃出一根头发', '米饭里有小石子', '汤里发现塑料片'],
	illness: ['中午在这里吃饭后腹泻呕吐', '吃完凉菜后肚子疼了一晚上'],
	expired_food: [
		'买到的酸奶已经过期三天',
		'货架上的面包过了保质期还在卖',
		'买的牛奶回家发现过期了'
	],
	price: ['实际收费比标价高', '结账时多收了钱'],
	other: ['店铺没有公示营业执照', '门口垃圾堆放影响环境']
};

const mix: readonly (readonly [Category, number])[] = [
	['hygiene', 0.3],
	['foreign_object', 0.2],
	['illness', 0.1],
	['expired_food', 0.15],
	['price', 0.15],
	['other', 0.1]
];

/** A complaint from the public: rare, and more likely about expired food where it is sold. */
export function complaint(state: SimState, rng: Rng, m: Merchant, at: At): SimEvent {
	const sellsExpired = (state.stock.get(m.id)?.expired.length ?? 0) > 0;
	const category: Category = sellsExpired && rng.chance(0.5) ? 'expired_food' : rng.weighted(mix);
	return {
		merchantId: m.id,
		districtId: m.districtId,
		actor: { kind: 'public', id: nextId(state, 'p') },
		type: 'complaint.filed',
		occurredAt: at.iso,
		payload: {
			complaintId: nextId(state, 'c'),
			category,
			text: rng.pick(texts[category]),
			channel: rng.weighted([
				['qr_page', 0.5],
				['hotline_12315', 0.3],
				['app', 0.2]
			] as const)
		}
	};
}
