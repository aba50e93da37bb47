"use client";

// The upload queue: files wait as "queued", two run at a time, each through
// slot -> blocks -> commit -> finalize. What a file needs to resume (its slot,
// the blocks already staged, whether the list is committed) lives in a ref, so
// a pause or a dropped connection costs only the blocks that were in flight.
import { useCallback, useEffect, useRef, useState } from "react";
import { checkFile } from "./file-checks";
import { ACTIVE_STATUSES, UNFINISHED_STATUSES, type UploadItem } from "./upload-item";
import { runUpload, type UploadState } from "./run-upload";

type Runtime = UploadState & { controller?: AbortController };

export interface UploadQueueOptions {
  patientId: string;
  maxConcurrent?: number;
  /** Called once whenever the queue settles with at least one new record. */
  onRecordsAdded?: () => void;
  /** For tests: block retry backoff base. */
  retryBaseMs?: number;
}

let nextId = 0;

export function useUploadQueue(options: UploadQueueOptions) {
  const { patientId, maxConcurrent = 2, retryBaseMs } = options;
  const [items, setItems] = useState<UploadItem[]>([]);
  const runtimes = useRef(new Map<string, Runtime>());
  const running = useRef(new Set<string>());
  const onRecordsAdded = useRef(options.onRecordsAdded);
  useEffect(() => {
    onRecordsAdded.current = options.onRecordsAdded;
  });

  const update = useCallback((id: string, patch: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  }, []);

  const run = useCallback(
    async (id: string) => {
      const runtime = runtimes.current.get(id);
      if (!runtime) return;
      const controller = new AbortController();
      runtime.controller = controller;
      try {
        const done = await runUpload({ state: runtime, patientId, signal: controller.signal, report: (patch) => update(id, patch), retryBaseMs });
        if (done) runtimes.current.delete(id);
      } finally {
        if (runtime.controller === controller) runtime.controller = undefined;
        running.current.delete(id);
        // Wake the scheduler even when the state did not change.
        setItems((current) => [...current]);
      }
    },
    [patientId, retryBaseMs, update],
  );

  // The scheduler: start queued files while fewer than maxConcurrent run.
  useEffect(() => {
    let active = running.current.size;
    for (const item of items) {
      if (active >= maxConcurrent) break;
      if (item.status !== "queued" || running.current.has(item.id)) continue;
      running.current.add(item.id);
      active += 1;
      update(item.id, { status: "uploading", message: undefined });
      void run(item.id);
    }
  }, [items, maxConcurrent, run, update]);

  // Refresh the list once everything settled, if something new arrived.
  const announced = useRef(new Set<string>());
  useEffect(() => {
    if (items.some((item) => UNFINISHED_STATUSES.has(item.status) && item.status !== "paused")) return;
    const fresh = items.filter((item) => item.status === "done" && !announced.current.has(item.id));
    if (fresh.length === 0) return;
    for (const item of fresh) announced.current.add(item.id);
    onRecordsAdded.current?.();
  }, [items]);

  // Back online after a dropped connection: files that failed go again by
  // themselves, keeping the blocks already sent (Retry stays for other failures).
  useEffect(() => {
    const onOnline = () =>
      setItems((current) =>
        current.map((item) => (item.status === "failed" && runtimes.current.has(item.id) ? { ...item, status: "queued", message: undefined } : item)),
      );
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, []);

  // Leaving the page would drop the uploads in progress: ask first.
  const busy = items.some((item) => ACTIVE_STATUSES.has(item.status) || item.status === "queued");
  useEffect(() => {
    if (!busy) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [busy]);

  const addFiles = useCallback((files: Iterable<File>, addOptions: { assumeDicom?: boolean } = {}) => {
    const added: UploadItem[] = [];
    for (const file of files) {
      const id = `upload-${(nextId += 1)}`;
      const check = checkFile(file, addOptions);
      if (check.ok) runtimes.current.set(id, { file, declaredType: check.declaredType, staged: new Set(), committed: false });
      added.push({
        id,
        name: file.name,
        size: file.size,
        ...(check.ok && { type: check.declaredType }),
        loaded: 0,
        status: check.ok ? "queued" : "rejected",
        ...(check.ok ? {} : { message: check.reason }),
      });
    }
    setItems((current) => [...current, ...added]);
  }, []);

  const pause = useCallback(
    (id: string) => {
      const runtime = runtimes.current.get(id);
      update(id, { status: "paused" });
      runtime?.controller?.abort();
    },
    [update],
  );

  const resume = useCallback((id: string) => update(id, { status: "queued", message: undefined }), [update]);
  const retry = resume;

  const remove = useCallback((id: string) => {
    runtimes.current.get(id)?.controller?.abort();
    runtimes.current.delete(id);
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const clearFinished = useCallback(() => {
    setItems((current) => current.filter((item) => item.status !== "done"));
  }, []);

  return { items, addFiles, pause, resume, retry, cancel: remove, remove, clearFinished };
}
