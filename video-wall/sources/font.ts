import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A font file that draws Chinese, for the text burned into test patterns: WenQuanYi Micro Hei
 * (Debian fonts-wqy-microhei, installed by scripts/setup.mjs) or any font fontconfig has for zh.
 * Without one drawtext prints boxes, so the service says so at start.
 */
export function findCjkFont(): string | undefined {
	const matched = spawnSync('fc-match', ['-f', '%{file}', 'WenQuanYi Micro Hei:lang=zh'], {
		encoding: 'utf8'
	});
	const file = matched.status === 0 ? matched.stdout.trim() : '';
	if (
		file &&
		/wqy|cjk|noto.*(sc|cjk)|droid.*fallback|hei|song|ming/i.test(file) &&
		existsSync(file)
	) {
		return file;
	}
	const listed = spawnSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8' });
	const first =
		listed.status === 0 ? listed.stdout.split('\n')[0]?.replace(/:\s*$/, '').trim() : '';
	return first && existsSync(first) ? first : undefined;
}

/** DejaVu (Latin only) as the last resort: names show as boxes, the clock still reads. */
export const FALLBACK_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
