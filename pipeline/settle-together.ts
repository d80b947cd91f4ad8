// Phases that run together stop together: the first failure is thrown into
// the others at their next checkpoint, and the group ends only when every
// one of them has settled (none may write once the run removes its staging
// folder). Without this, a failed workbook let a national run draw its
// charts for minutes before reporting the error.

export type GroupJob = (checkpoint: () => void) => Promise<unknown>;

/** `onFailure` hears the first failure at once: a job blocked on something other than a checkpoint can be released with it. */
export async function settleTogether(jobs: GroupJob[], onFailure?: (error: unknown) => void): Promise<void> {
  let failure: { error: unknown } | undefined;
  const checkpoint = () => {
    if (failure) throw failure.error;
  };
  await Promise.allSettled(
    jobs.map(async (job) => {
      try {
        await job(checkpoint);
      } catch (e) {
        if (!failure) {
          failure = { error: e };
          onFailure?.(e);
        }
        throw e;
      }
    }),
  );
  if (failure) throw failure.error;
}
