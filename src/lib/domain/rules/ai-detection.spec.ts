import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import { aiDetection } from './ai-detection';

const detection = (confidence: number, label = 'no_mask') =>
	makeEvent(
		{
			type: 'ai.detection.reported',
			merchantId: 'm1',
			districtId: '370102',
			actor: { kind: 'device', id: 'analytics-1' },
			payload: { sourceId: 'cam-1', label, confidence, evidenceUrl: 'https://x.example/f.jpg' }
		},
		Date.parse('2026-11-28T02:00:00Z')
	);

describe('ai detection rule', () => {
	it('ai - a confident detection is one alert per camera, label and day, from its source', () => {
		const e = detection(0.95);
		expect(aiDetection(e, 'Asia/Shanghai')).toEqual({
			rule: 'ai_detection',
			severity: 'high',
			merchantId: 'm1',
			districtId: '370102',
			period: '2026-11-28:cam-1:no_mask',
			source: 'ai:cam-1',
			facts: {
				label: 'no_mask',
				sourceId: 'cam-1',
				confidence: 0.95,
				evidenceUrl: 'https://x.example/f.jpg'
			},
			evidence: [e.id]
		});
		expect(aiDetection(detection(0.7))?.severity).toBe('medium');
	});

	it('ai - an unsure detection raises nothing', () => {
		expect(aiDetection(detection(0.59))).toBeNull();
	});
});
