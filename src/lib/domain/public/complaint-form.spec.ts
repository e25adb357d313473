import { describe, expect, it } from 'vitest';
import { complaintForm, spamReason } from './complaint-form';

describe('complaint form', () => {
	it('complaints - links, repetition and too little text are spam', () => {
		expect(spamReason('请访问 http://cheap.example 领取优惠')).toBe('links');
		expect(spamReason('加微信 www.spam 了解')).toBe('links');
		expect(spamReason('buy at pills.top now please')).toBe('links');
		expect(spamReason('好好好好好好好好好好好好')).toBe('repeated');
		expect(spamReason('差评差评差评差评差评差评')).toBe('repeated');
		expect(spamReason('aaaaaaaaaaaaab c')).toBe('repeated');
		expect(spamReason('太难吃了')).toBe('too_short');
	});
	it('complaints - an ordinary complaint passes', () => {
		expect(spamReason('今天中午在店里吃的米线里有一根头发，服务员不理会。')).toBeNull();
		expect(spamReason('After lunch here two of us had stomach pain all evening.')).toBeNull();
	});
	it('complaints - the form trims, drops empty optional fields and checks the phone', () => {
		const ok = complaintForm.parse({
			category: 'hygiene',
			text: '  餐具上有明显油污，没有消毒。  ',
			happenedOn: '',
			contactPhone: ''
		});
		expect(ok.text).toBe('餐具上有明显油污，没有消毒。');
		expect(ok.happenedOn).toBeUndefined();
		expect(ok.contactPhone).toBeUndefined();
		expect(
			complaintForm.safeParse({
				category: 'hygiene',
				text: '餐具上有明显油污没有消毒',
				contactPhone: 'call me'
			}).success
		).toBe(false);
		expect(
			complaintForm.safeParse({ category: 'spam', text: '餐具上有明显油污没有消毒' }).success
		).toBe(false);
	});
});
