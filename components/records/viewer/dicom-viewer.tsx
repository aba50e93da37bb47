"use client";

// A DICOM viewer for one record, built on dwv (loaded on demand: it needs a
// canvas, so it never runs on the server). The file is fetched from the short
// preview link on the storage origin and handed to dwv as bytes, so dwv makes
// no requests of its own. Drag adjusts contrast (window/level) or moves the
// image, the wheel and a pinch zoom, and the frames of a multi-frame file (or
// the slices of a volume) scroll with a slider or the arrow keys.
import { ChevronLeft, ChevronRight, Contrast, LoaderCircle, Move, RotateCcw, ZoomIn, ZoomOut } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";

type Dwv = typeof import("dwv");
type DwvApp = InstanceType<Dwv["App"]>;

interface WindowLevelValue {
  center: number;
  width: number;
}

interface Preset extends WindowLevelValue {
  id: string;
  label: string;
}

/** Common CT windows, in Hounsfield units. */
const CT_PRESETS: Preset[] = [
  { id: "soft-tissue", label: "Soft tissue", center: 40, width: 400 },
  { id: "lung", label: "Lung", center: -600, width: 1500 },
  { id: "bone", label: "Bone", center: 400, width: 1800 },
  { id: "brain", label: "Brain", center: 40, width: 80 },
];

const ZOOM_STEP = 0.25;

type Tool = "WindowLevel" | "ZoomAndPan";

type LoadState = { phase: "downloading"; percent: number | null } | { phase: "decoding" } | { phase: "ready" } | { phase: "error"; message: string };

interface Frames {
  /** The image dimension that is scrolled: 3 for the frames of a multi-frame file, 2 for a volume's slices. */
  dim: number;
  count: number;
  index: number;
}

export const DICOM_SHORTCUTS: Array<[keys: string, action: string]> = [
  ["→ or ↓", "Next frame"],
  ["← or ↑", "Previous frame"],
  ["Home / End", "First / last frame"],
  ["+ / −", "Zoom in / out"],
  ["0", "Reset zoom, position and contrast"],
  ["1 – 5", "Contrast presets, in the order of the buttons"],
  ["C / M", "Drag adjusts contrast / drag moves the image"],
];

async function fetchBytes(url: string, signal: AbortSignal, onProgress: (percent: number | null) => void): Promise<ArrayBuffer> {
  const response = await fetch(url, { signal, credentials: "omit", cache: "no-store" });
  if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
  const total = Number(response.headers.get("content-length")) || 0;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(total ? Math.round((received / total) * 100) : null);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

export default function DicomViewer({ url, name }: { url: string; name: string }) {
  const reactId = useId();
  const layerId = `dicom-layer-${reactId.replace(/[^A-Za-z0-9_-]/g, "")}`;
  const shortcutsId = `${layerId}-shortcuts`;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const dwvRef = useRef<Dwv | null>(null);
  const appRef = useRef<DwvApp | null>(null);
  const dataIdRef = useRef<string | null>(null);
  const initialWindowRef = useRef<WindowLevelValue | null>(null);
  const toolRef = useRef<Tool>("WindowLevel");

  const [load, setLoad] = useState<LoadState>({ phase: "downloading", percent: null });
  const [frames, setFrames] = useState<Frames>({ dim: 3, count: 1, index: 0 });
  const [tool, setToolState] = useState<Tool>("WindowLevel");
  const [presets, setPresets] = useState<Preset[]>([]);
  const [windowLevel, setWindowLevel] = useState<WindowLevelValue | null>(null);
  const [canWindowLevel, setCanWindowLevel] = useState(true);

  const viewController = useCallback(() => {
    const app = appRef.current;
    const dataId = dataIdRef.current;
    if (!app || dataId === null) return undefined;
    return app.getViewLayersByDataId(dataId)[0]?.getViewController();
  }, []);

  const readFrames = useCallback(() => {
    const controller = viewController();
    if (!controller) return;
    const size = controller.getImageSize();
    const dims = size.length();
    const dim = dims > 3 && size.get(3) > 1 ? 3 : size.get(2) > 1 ? 2 : 3;
    const count = dim < dims ? size.get(dim) : 1;
    const index = controller.getCurrentIndex().get(dim) ?? 0;
    setFrames({ dim, count, index });
  }, [viewController]);

  // Load: fetch the bytes, then dwv decodes and draws them.
  useEffect(() => {
    const abort = new AbortController();
    let disposed = false;
    let onResize: (() => void) | null = null;
    let resizeObserver: ResizeObserver | null = null;

    (async () => {
      let bytes: ArrayBuffer;
      try {
        bytes = await fetchBytes(url, abort.signal, (percent) => setLoad({ phase: "downloading", percent }));
      } catch {
        if (!disposed) setLoad({ phase: "error", message: "The image could not be downloaded. Reload the page to try again." });
        return;
      }
      const dwv = await import("dwv");
      if (disposed) return;
      dwvRef.current = dwv;
      setLoad({ phase: "decoding" });
      // dwv logs every step to the console by default; problems still reach us through its events.
      (dwv.logger as { level: number }).level = dwv.logger.levels.ERROR;

      const app = new dwv.App();
      const options = new dwv.AppOptions({ "*": [new dwv.ViewConfig(layerId)] });
      options.tools = { WindowLevel: new dwv.ToolConfig(), ZoomAndPan: new dwv.ToolConfig() };
      app.init(options);
      appRef.current = app;

      let firstRender = true;
      app.addEventListener("renderend", (event: { dataid: string }) => {
        if (!firstRender || disposed) return;
        firstRender = false;
        dataIdRef.current = event.dataid;
        const controller = app.getViewLayersByDataId(event.dataid)[0]?.getViewController();
        if (!controller) return;
        const canWl = controller.canWindowLevel();
        setCanWindowLevel(canWl);
        const current = controller.getWindowLevel();
        initialWindowRef.current = { center: current.center, width: current.width };
        setWindowLevel(initialWindowRef.current);
        const range = controller.getImageRescaledDataRange() as { min: number; max: number };
        const full: Preset = { id: "full", label: "Full range", center: (range.min + range.max) / 2, width: Math.max(1, range.max - range.min) };
        const narrow: Preset = { id: "narrow", label: "More contrast", center: full.center, width: Math.max(1, full.width / 3) };
        setPresets(controller.getModality() === "CT" ? [...CT_PRESETS, full] : [full, narrow]);
        app.setTool(canWl ? "WindowLevel" : "ZoomAndPan");
        toolRef.current = canWl ? "WindowLevel" : "ZoomAndPan";
        setToolState(toolRef.current);
        readFrames();
        setLoad({ phase: "ready" });
      });
      app.addEventListener("positionchange", () => readFrames());
      app.addEventListener("wlchange", (event: { value: [number, number] }) => setWindowLevel({ center: event.value[0], width: event.value[1] }));
      app.addEventListener("error", () => {
        if (!disposed) setLoad({ phase: "error", message: "This DICOM file could not be shown. Download it to open it in another viewer." });
      });
      app.addEventListener("loaderror", () => {
        if (!disposed) setLoad({ phase: "error", message: "This DICOM file could not be read. Download it to open it in another viewer." });
      });
      // Refit when the viewer's box changes (rotation, window size, layout). dwv cannot draw into a
      // zero-sized box (it throws), which a hidden or collapsing container briefly is.
      let frame = 0;
      onResize = () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          const element = document.getElementById(layerId);
          if (!disposed && dataIdRef.current !== null && element && element.clientWidth > 0 && element.clientHeight > 0) app.onResize();
        });
      };
      const layer = document.getElementById(layerId);
      if (layer) {
        resizeObserver = new ResizeObserver(onResize);
        resizeObserver.observe(layer);
      }
      app.loadFiles([new File([bytes], "record.dcm", { type: "application/dicom" })]);
    })();

    return () => {
      disposed = true;
      abort.abort();
      resizeObserver?.disconnect();
      const app = appRef.current;
      appRef.current = null;
      dataIdRef.current = null;
      if (app) {
        app.abortAllLoads();
        app.reset();
      }
      document.getElementById(layerId)?.replaceChildren();
    };
  }, [url, layerId, readFrames]);

  const setTool = useCallback((next: Tool) => {
    toolRef.current = next;
    setToolState(next);
    appRef.current?.setTool(next);
  }, []);

  const applyWindowLevel = useCallback(
    (value: WindowLevelValue) => {
      const dwv = dwvRef.current;
      const controller = viewController();
      if (!dwv || !controller) return;
      controller.setWindowLevel(new dwv.WindowLevel(value.center, value.width));
      setWindowLevel(value);
    },
    [viewController],
  );

  /** Zooms around a point of the viewer (CSS pixels from its top left), or its centre. */
  const zoom = useCallback((step: number, at?: { x: number; y: number }) => {
    const app = appRef.current;
    const dwv = dwvRef.current;
    const element = document.getElementById(layerId);
    const group = app?.getActiveLayerGroup();
    const layer = group?.getBaseViewLayer();
    if (!dwv || !element || !group || !layer) return;
    const point = at ?? { x: element.clientWidth / 2, y: element.clientHeight / 2 };
    const planePoint = layer.displayToMainPlanePos(new dwv.Point2D(point.x, point.y));
    group.addScale(step, layer.getViewController().getPlanePositionFromPlanePoint(planePoint));
    group.draw();
  }, [layerId]);

  const goToFrame = useCallback(
    (index: number) => {
      const dwv = dwvRef.current;
      const controller = viewController();
      if (!dwv || !controller) return;
      const target = Math.min(Math.max(index, 0), frames.count - 1);
      const values = controller.getCurrentIndex().getValues();
      while (values.length <= frames.dim) values.push(0);
      values[frames.dim] = target;
      controller.setCurrentIndex(new dwv.Index(values));
      setFrames((current) => ({ ...current, index: target }));
    },
    [frames.count, frames.dim, viewController],
  );

  const resetView = useCallback(() => {
    appRef.current?.resetZoomPan();
    if (initialWindowRef.current) applyWindowLevel(initialWindowRef.current);
  }, [applyWindowLevel]);

  // Wheel zooms and two fingers pinch-zoom whatever the drag tool is (dwv would scroll or window/level instead).
  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const onWheel = (event: WheelEvent) => {
      if (!appRef.current || !(event.target instanceof Node) || !document.getElementById(layerId)?.contains(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      const rect = document.getElementById(layerId)!.getBoundingClientRect();
      zoom(-event.deltaY / 500, { x: event.clientX - rect.left, y: event.clientY - rect.top });
    };
    const onTouchStart = (event: TouchEvent) => {
      if (event.touches.length >= 2 && toolRef.current !== "ZoomAndPan") appRef.current?.setTool("ZoomAndPan");
    };
    const onTouchEnd = (event: TouchEvent) => {
      if (event.touches.length === 0) appRef.current?.setTool(toolRef.current);
    };
    wrapper.addEventListener("wheel", onWheel, { capture: true, passive: false });
    wrapper.addEventListener("touchstart", onTouchStart, { capture: true, passive: true });
    wrapper.addEventListener("touchend", onTouchEnd, { capture: true, passive: true });
    wrapper.addEventListener("touchcancel", onTouchEnd, { capture: true, passive: true });
    return () => {
      wrapper.removeEventListener("wheel", onWheel, { capture: true });
      wrapper.removeEventListener("touchstart", onTouchStart, { capture: true });
      wrapper.removeEventListener("touchend", onTouchEnd, { capture: true });
      wrapper.removeEventListener("touchcancel", onTouchEnd, { capture: true });
    };
  }, [layerId, zoom]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (load.phase !== "ready" || event.altKey || event.ctrlKey || event.metaKey) return;
    const presetIndex = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : -1;
    const actions: Record<string, () => void> = {
      ArrowRight: () => goToFrame(frames.index + 1),
      ArrowDown: () => goToFrame(frames.index + 1),
      ArrowLeft: () => goToFrame(frames.index - 1),
      ArrowUp: () => goToFrame(frames.index - 1),
      Home: () => goToFrame(0),
      End: () => goToFrame(frames.count - 1),
      "+": () => zoom(ZOOM_STEP),
      "=": () => zoom(ZOOM_STEP),
      "-": () => zoom(-ZOOM_STEP),
      "0": resetView,
      c: () => canWindowLevel && setTool("WindowLevel"),
      m: () => setTool("ZoomAndPan"),
    };
    const action = actions[event.key] ?? (presetIndex >= 0 && presets[presetIndex] ? () => applyWindowLevel(presets[presetIndex]!) : undefined);
    if (!action) return;
    event.preventDefault();
    action();
  };

  const ready = load.phase === "ready";
  const toolbarButton = "inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-lg px-3 text-sm font-semibold ring-1 ring-inset ring-slate-300 bg-white text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400";

  return (
    <section aria-label={`DICOM viewer: ${name}`} className="flex flex-col gap-3" data-testid="dicom-viewer" data-state={load.phase}>
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Viewer tools">
        <button type="button" className={cn(toolbarButton, tool === "WindowLevel" && "bg-accent-50 ring-accent-700")} aria-pressed={tool === "WindowLevel"} disabled={!ready || !canWindowLevel} onClick={() => setTool("WindowLevel")}>
          <Contrast aria-hidden className="size-4" /> Contrast
        </button>
        <button type="button" className={cn(toolbarButton, tool === "ZoomAndPan" && "bg-accent-50 ring-accent-700")} aria-pressed={tool === "ZoomAndPan"} disabled={!ready} onClick={() => setTool("ZoomAndPan")}>
          <Move aria-hidden className="size-4" /> Move
        </button>
        <button type="button" className={toolbarButton} disabled={!ready} onClick={() => zoom(ZOOM_STEP)} aria-label="Zoom in">
          <ZoomIn aria-hidden className="size-5" />
        </button>
        <button type="button" className={toolbarButton} disabled={!ready} onClick={() => zoom(-ZOOM_STEP)} aria-label="Zoom out">
          <ZoomOut aria-hidden className="size-5" />
        </button>
        <button type="button" className={toolbarButton} disabled={!ready} onClick={resetView} aria-label="Reset view">
          <RotateCcw aria-hidden className="size-5" />
        </button>
      </div>

      {canWindowLevel && presets.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Contrast presets">
          {presets.map((preset) => (
            <button key={preset.id} type="button" className={toolbarButton} disabled={!ready} onClick={() => applyWindowLevel(preset)}>
              {preset.label}
            </button>
          ))}
        </div>
      ) : null}

      <div
        ref={wrapperRef}
        tabIndex={0}
        role="group"
        aria-roledescription="image viewer"
        aria-label={`${name}. Use the keyboard shortcuts below to move through frames, zoom and change contrast.`}
        aria-describedby={shortcutsId}
        onKeyDown={onKeyDown}
        className="relative overflow-hidden rounded-xl bg-black"
      >
        <div
          id={layerId}
          data-testid="dicom-layer"
          className="relative flex h-[55vh] min-h-72 w-full touch-none justify-center [&_.layer]:pointer-events-none [&_.layer]:absolute"
        />
        {!ready ? (
          <div className="absolute inset-0 flex items-center justify-center p-6 text-center text-white">
            {load.phase === "error" ? (
              <div className="max-w-sm text-left text-slate-900">
                <Alert tone="error">{load.message}</Alert>
              </div>
            ) : (
              <p role="status" className="flex items-center gap-2">
                <LoaderCircle aria-hidden className="size-5 animate-spin" />
                {load.phase === "downloading" ? `Downloading the image${load.percent !== null ? ` (${load.percent}%)` : ""}…` : "Preparing the image…"}
              </p>
            )}
          </div>
        ) : null}
      </div>

      <p aria-live="polite" className="text-sm text-slate-600">
        {ready && windowLevel && canWindowLevel ? `Window ${Math.round(windowLevel.width)}, level ${Math.round(windowLevel.center)}` : null}
        {ready && frames.count > 1 ? `${windowLevel && canWindowLevel ? " · " : ""}Frame ${frames.index + 1} of ${frames.count}` : null}
      </p>

      {frames.count > 1 ? (
        <div className="flex items-center gap-2">
          <button type="button" className={toolbarButton} disabled={!ready || frames.index === 0} onClick={() => goToFrame(frames.index - 1)} aria-label="Previous frame">
            <ChevronLeft aria-hidden className="size-5" />
          </button>
          <input
            type="range"
            min={1}
            max={frames.count}
            step={1}
            value={frames.index + 1}
            disabled={!ready}
            onChange={(event) => goToFrame(Number(event.target.value) - 1)}
            aria-label="Frame"
            aria-valuetext={`Frame ${frames.index + 1} of ${frames.count}`}
            className="h-11 flex-1 accent-accent-700"
          />
          <button type="button" className={toolbarButton} disabled={!ready || frames.index >= frames.count - 1} onClick={() => goToFrame(frames.index + 1)} aria-label="Next frame">
            <ChevronRight aria-hidden className="size-5" />
          </button>
        </div>
      ) : null}

      <details id={shortcutsId} className="text-sm text-slate-700">
        <summary className="min-h-11 cursor-pointer py-2 font-medium">Keyboard shortcuts (click the image first)</summary>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {DICOM_SHORTCUTS.map(([keys, action]) => (
            <div key={keys} className="contents">
              <dt className="font-mono">{keys}</dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2">With a mouse: drag to change contrast (or move the image), scroll to zoom. On a touch screen: drag with one finger, pinch with two.</p>
      </details>
    </section>
  );
}
