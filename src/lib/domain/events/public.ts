import { z } from 'zod';
import { entityId } from '../ids';
import { shortText } from './common';

export const complaintFiled = z.object({
	complaintId: entityId,
	category: z.enum(['hygiene', 'foreign_object', 'illness', 'expired_food', 'price', 'other']),
	text: shortText(2000),
	channel: z.enum(['qr_page', 'hotline_12315', 'app', 'inspector'])
});

export const inspectionCompleted = z.object({
	inspectionId: entityId,
	inspectorId: entityId,
	result: z.enum(['pass', 'rectify', 'fail']),
	score: z.number().min(0).max(100).optional(),
	findings: z.array(z.object({ code: shortText(20), text: shortText(500) })).max(100)
});

export const sensorReadingRecorded = z.object({
	deviceId: entityId,
	kind: z.enum(['fridge_temp', 'freezer_temp', 'hot_holding_temp', 'humidity', 'gas']),
	value: z.number().finite(),
	unit: shortText(10)
});
