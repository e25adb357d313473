import { afterNavigate } from '$app/navigation';

/**
 * For a GET filter form whose boxes take defaultValue/defaultChecked (so that hydration keeps
 * what was typed before the scripts arrived): Svelte then never writes a new default into a box,
 * so after each navigation on the page (the form's own submit, a reset or page link) the form
 * is reset and its boxes show the new query. Not on the first load: that would undo the typing.
 * Call it while the component starts, with a getter for the form element.
 */
export function resetOnNavigate(form: () => HTMLFormElement | undefined): void {
	afterNavigate((navigation) => {
		if (navigation.type !== 'enter') form()?.reset();
	});
}
