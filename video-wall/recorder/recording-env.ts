import { z } from 'zod';

/**
 * The recording settings, for the video service's config.ts to spread into its schema (it alone
 * reads the environment): `z.object({ ...recordingEnv, ... })`.
 */
export const recordingEnv = {
	/** Length of a recorded segment; the timeline's and a crash's granularity. */
	RECORD_SEGMENT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
	/** Cap of the recordings folder in GB (oldest segments go first beyond it); 0 = no cap. */
	RECORD_QUOTA_GB: z.coerce.number().min(0).default(0),
	/** How often the retention sweeper runs. */
	RETENTION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
	/** Longest evidence clip one request may cut, in minutes. */
	CLIP_MAX_MINUTES: z.coerce
		.number()
		.int()
		.min(1)
		.max(24 * 60)
		.default(60)
};
