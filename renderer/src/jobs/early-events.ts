// Job events can reach the window before it knows the job's id: main starts the job and sends
// its first job.progress (or, for a quick job, job.finished) while the answer {jobId} to the
// start call is still on its way. A store that follows one job at a time keeps such events here
// and replays them once the id is known, so no progress or finish is ever lost.

import type { JobProgress } from '../../../shared/domain/types';
import type { JobFinished } from '../../../shared/ipc/contract';

interface Held {
  progress?: JobProgress;
  finished?: JobFinished;
}

/** The job a store follows: `jobId` is null between asking main to start it and the answer. */
export interface FollowedJob {
  jobId: string | null;
}

export class EarlyJobEvents {
  private readonly held = new Map<string, Held>();

  /** True when `e` belongs to `job`; an event arriving before the id is known is kept for replay. */
  owns(job: FollowedJob | null, e: JobProgress | JobFinished, kind: keyof Held): boolean {
    if (!job) return false;
    if (job.jobId === null) {
      this.held.set(e.jobId, { ...this.held.get(e.jobId), [kind]: e });
      return false;
    }
    return job.jobId === e.jobId;
  }

  /** The id is known: replay what arrived early for it (progress first), and forget the rest. */
  started(jobId: string, replay: { progress(e: JobProgress): void; finished(e: JobFinished): void }): void {
    const held = this.held.get(jobId);
    this.held.clear();
    if (held?.progress) replay.progress(held.progress);
    if (held?.finished) replay.finished(held.finished);
  }

  clear(): void {
    this.held.clear();
  }
}
