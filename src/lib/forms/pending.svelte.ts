import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form's submission in flight, for `use:enhance={pending.submit}`: the button is disabled
 * while it runs, and typed values stay when the server answers with a problem.
 */
export class Pending {
	busy = $state(false);

	submit: SubmitFunction = () => {
		this.busy = true;
		return async ({ update }) => {
			await update({ reset: false });
			this.busy = false;
		};
	};
}
