// The data check of `pace-qi timescales`, run beside the timescales on a second thread.
//
// `timescales` prints the data check of the file first, then the stages (issue #12). The two are
// independent reads of the same records: the check (checkCaseRecords) needs the rows as written,
// the stages (paceTimescales) need the events. One after the other they were 1.6 s of the 3 s a
// 100,000-child export took; with the check on a worker thread that reads the file itself, the
// two run at once on a machine with two cores or more (docs/performance.md, "timescales").
// What is printed and written is the same, in the same order: the main thread waits for the
// check before printing anything after the column mapping, and runs it itself whenever the
// worker cannot answer (see {@link CheckWorker.check}).
import { statSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { readCases, type CaseFlags } from "./caseInput.js";
import { checkCases } from "./check.js";
import type { DateFormat } from "./dates.js";
import type { CaseRecordsCheck, ColumnMapping } from "./lib.js";

const KIND = "pace-qi-check";

/** What the worker is asked: the file and the mapping the main thread read it with. */
interface CheckJob {
  command: string;
  file: string;
  flags: CaseFlags;
  mapping: ColumnMapping;
  dates: DateFormat;
  asOf: string | undefined;
}

/** The worker's answer: the check and the number of rows it read (null when it could not). */
type CheckReply = { check: CaseRecordsCheck; rows: number } | null;

/**
 * Files smaller than this are checked on the main thread: starting a worker (a second copy of
 * the CLI's code, ~60 ms) costs more than checking 10,000 rows.
 */
const MIN_BYTES = 1 << 20;

/** A worker thread waiting for its job; {@link startCheckWorker} makes one. */
export interface CheckWorker {
  /**
   * Check the file on the worker; resolves to the check, or null when the worker failed or read a
   * different number of rows than `rows` (the file changed between the two reads): the caller
   * then checks on its own thread.
   */
  check(job: CheckJob, rows: number): Promise<CaseRecordsCheck | null>;
  /** Stop the worker (after an error, or when its answer is no longer wanted). */
  stop(): void;
}

/**
 * A worker for the check of `file`, started now so that it loads while the main thread reads;
 * null when the check is better run on the main thread: a small file, input that cannot be read
 * twice (standard input, a pipe), a file large enough that two copies of its rows could crowd
 * the heap, code not built (tests of the sources), or PACE_QI_CHECK_WORKER=0. With
 * PACE_QI_CHECK_WORKER=1 every regular file is checked on a worker (for tests).
 */
export function startCheckWorker(file: string): CheckWorker | null {
  const mode = process.env.PACE_QI_CHECK_WORKER;
  if (mode === "0" || !import.meta.url.endsWith(".js")) return null;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return null;
    size = st.size;
  } catch {
    return null; // the main thread's read says what is wrong with the file
  }
  // Read, a case-record file takes up to ~40 times its bytes (test/cli/perf.test.ts: 41 MB of
  // long rows, 525 MB resident at the end of the run): each thread's copy stays within 1/2 of its
  // heap. An .xlsx workbook is zipped XML, its cells ~10 times its bytes on disk.
  const expanded = size * (/\.xlsx$/i.test(file) ? 400 : 40);
  if (mode !== "1" && (size < MIN_BYTES || expanded > getHeapStatistics().heap_size_limit / 2)) return null;
  const worker = new Worker(new URL(import.meta.url), { workerData: { kind: KIND }, stdout: true, stderr: true });
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    void worker.terminate();
  };
  worker.unref(); // never keeps the command alive by itself
  return {
    stop,
    check: (job, rows) =>
      new Promise((resolve) => {
        if (stopped) return resolve(null);
        const done = (reply: CheckReply): void => {
          stop();
          resolve(reply !== null && reply.rows === rows ? reply.check : null);
        };
        worker.once("message", done);
        worker.once("error", () => done(null));
        worker.once("exit", () => done(null));
        worker.postMessage(job);
      }),
  };
}

/** The worker's side: read the file with the mapping given, check it, answer, end. */
async function answer(job: CheckJob): Promise<CheckReply> {
  const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
  try {
    // The mapping file, if any, was read or written by the main thread: the mapping is given.
    const cases = await readCases(job.command, job.file, { ...job.flags, mapping: undefined }, quiet, job.mapping);
    return { check: checkCases(cases, job.dates, job.asOf), rows: cases.table.length };
  } catch {
    return null; // the main thread checks again and reports the error as it always does
  }
}

if (!isMainThread && (workerData as { kind?: unknown } | null)?.kind === KIND) {
  parentPort!.once("message", (job: CheckJob) => {
    void answer(job).then((reply) => parentPort!.postMessage(reply));
  });
}
