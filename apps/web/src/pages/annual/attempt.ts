import { toastError, toastSuccess } from '../../feedback.ts';

/**
 * Run one step of the annual pages: a success says `done`, a failure is shown as a toast. Resolves
 * to the step's answer, or undefined when it failed, so the caller only goes on after a success.
 */
export async function attempt<T>(work: () => Promise<T>, done?: string): Promise<T | undefined> {
  try {
    const answer = await work();
    if (done) toastSuccess(done);
    return answer;
  } catch (e) {
    toastError(e);
    return undefined;
  }
}
