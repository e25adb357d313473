import { z } from 'zod';
import { riskSettings } from '../risk/risk-settings';
import { shortText } from './common';

/**
 * An admin changed the risk model's weights or bands. The whole settings travel in the event
 * (not a diff), so any score's `settingsVersion` can be explained from the stream alone.
 */
export const riskSettingsChanged = z.object({
	settings: riskSettings,
	reason: shortText(500)
});
