// The uploader against a fake blob store and a fake app server: what the user
// sees (rows, progress values, state words, messages) at each step.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { BlockTarget } from "@/components/records/upload/blob-client";
import { RecordsUploader } from "@/components/records/upload/records-uploader";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

type Stage = BlockTarget["stageBlock"];
const store: { stage: jest.Mock<ReturnType<Stage>, Parameters<Stage>>; commit: jest.Mock } = { stage: jest.fn(), commit: jest.fn() };
jest.mock("@/components/records/upload/blob-client", () => ({
  blockTargetFor: () => ({
    stageBlock: (...args: Parameters<Stage>) => store.stage(...args),
    commitBlockList: (...args: unknown[]) => store.commit(...args),
  }),
}));

const BLOCK = 4;
// jsdom has no Response: the little the uploader reads of one.
const reply = (body: unknown, init: { status: number }) => ({ ok: init.status < 400, status: init.status, json: async () => body }) as unknown as Response;

let finalizeAnswer: { status: number; body: unknown };
let slots = 0;
async function fakeServer(url: string): Promise<Response> {
  if (url === "/api/uploads") {
    slots += 1;
    return reply(
      { slotId: `slot-${slots}`, uploadUrl: `https://blob.example/c/b${slots}?sig=secret`, blockSize: BLOCK, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() },
      { status: 201 },
    );
  }
  if (/\/api\/uploads\/[^/]+\/finalize$/.test(url)) return reply(finalizeAnswer.body, { status: finalizeAnswer.status });
  throw new Error(`unexpected ${url}`);
}
const fetchMock = jest.fn(fakeServer);

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** A stage that succeeds at once, reporting the whole block as sent. */
const instantStage: Stage = async (_id, _body, length, { onProgress }) => onProgress(length);

function pdf(name = "lab-report.pdf", size = 8) {
  return new File([new Uint8Array(size)], name, { type: "application/pdf" });
}

function choose(...files: File[]) {
  fireEvent.change(screen.getByTestId("upload-input"), { target: { files } });
}

const row = (name: string) => screen.getByTitle(name).closest("li") as HTMLElement;

beforeEach(() => {
  refresh.mockReset();
  store.stage.mockReset().mockImplementation(instantStage);
  store.commit.mockReset().mockResolvedValue(undefined);
  fetchMock.mockReset().mockImplementation(fakeServer);
  slots = 0;
  finalizeAnswer = { status: 200, body: { outcome: "ready", record: { id: "rec-1" } } };
  global.fetch = fetchMock as unknown as typeof fetch;
});

describe("RecordsUploader", () => {
  it("offers a keyboard-reachable chooser that accepts only the allowed types", () => {
    render(<RecordsUploader patientId="p1" />);
    expect(screen.getByRole("button", { name: "Upload records" })).toBeEnabled();
    const input = screen.getByTestId("upload-input");
    expect(input).toHaveAttribute("multiple");
    expect(input.getAttribute("accept")).toContain("application/pdf");
    expect(input.getAttribute("accept")).toContain(".dcm");
  });

  it("shows each file with its size, real progress, then Verifying and Done", async () => {
    const first = deferred();
    store.stage.mockImplementation(async (id, _body, length, { onProgress }) => {
      if (id === btoa("block-000000")) {
        onProgress(2);
        await first.promise;
      }
      onProgress(length);
    });
    const verdict = deferred();
    fetchMock.mockImplementation(async (url: string) => {
      if (url.endsWith("/finalize")) await verdict.promise;
      return fakeServer(url);
    });

    render(<RecordsUploader patientId="p1" />);
    choose(pdf("lab-report.pdf", 8));

    const bar = await screen.findByRole("progressbar", { name: "Upload of lab-report.pdf" });
    expect(within(row("lab-report.pdf")).getByText("8 bytes")).toBeInTheDocument();
    // Block 1 (4 bytes) done, block 0 half way: 6 of 8 bytes.
    await waitFor(() => expect(bar).toHaveAttribute("aria-valuenow", "75"));
    expect(within(row("lab-report.pdf")).getByText("Uploading")).toBeInTheDocument();

    await act(async () => first.resolve());
    await waitFor(() => expect(within(row("lab-report.pdf")).getByText("Verifying")).toBeInTheDocument());
    expect(bar).toHaveAttribute("aria-valuenow", "100");
    expect(store.commit).toHaveBeenCalledWith([btoa("block-000000"), btoa("block-000001")], expect.objectContaining({ contentType: "application/pdf" }));

    await act(async () => verdict.resolve());
    await waitFor(() => expect(within(row("lab-report.pdf")).getByText("Done")).toBeInTheDocument());
    expect(screen.getByRole("progressbar", { name: "Upload of lab-report.pdf" })).toHaveAttribute("aria-valuenow", "100");
    expect(screen.getByRole("link", { name: /Open lab-report\.pdf/ })).toHaveAttribute("href", "/patient/records/rec-1");
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));

    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const slotRequest = JSON.parse(String(init.body)) as unknown;
    expect(slotRequest).toEqual({ patientId: "p1", fileName: "lab-report.pdf", declaredType: "application/pdf", declaredSize: 8 });
  });

  it("refuses a too-large or unsupported file before uploading anything", async () => {
    render(<RecordsUploader patientId="p1" />);
    const huge = pdf("huge.pdf", 1);
    Object.defineProperty(huge, "size", { value: 100 * 1024 ** 2 + 1 });
    choose(huge, new File(["x"], "movie.mp4", { type: "video/mp4" }));

    expect(within(row("huge.pdf")).getByText("Not accepted")).toBeInTheDocument();
    expect(within(row("huge.pdf")).getByText("The file is larger than the 100 MB limit for documents.")).toBeInTheDocument();
    expect(within(row("movie.mp4")).getByText(/This kind of file cannot be uploaded/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(store.stage).not.toHaveBeenCalled();

    fireEvent.click(within(row("movie.mp4")).getByRole("button", { name: "Remove movie.mp4 from the list" }));
    expect(screen.queryByTitle("movie.mp4")).not.toBeInTheDocument();
  });

  it("shows the server's reason when the content is rejected at finalize", async () => {
    finalizeAnswer = { status: 200, body: { outcome: "rejected", reason: "The file's content is not a PDF. Upload the original file." } };
    render(<RecordsUploader patientId="p1" />);
    choose(pdf("fake.pdf"));

    await waitFor(() => expect(within(row("fake.pdf")).getByText("Not accepted")).toBeInTheDocument());
    expect(within(row("fake.pdf")).getByText("The file's content is not a PDF. Upload the original file.")).toBeInTheDocument();
    expect(within(row("fake.pdf")).queryByRole("button", { name: /Retry/ })).not.toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("shows a rejection answered as an error (e.g. 422) too", async () => {
    finalizeAnswer = { status: 422, body: { error: { code: "VALIDATION_FAILED", message: "The file's content is not a PNG image." } } };
    render(<RecordsUploader patientId="p1" />);
    choose(new File([new Uint8Array(4)], "photo.png", { type: "image/png" }));
    await waitFor(() => expect(within(row("photo.png")).getByText("The file's content is not a PNG image.")).toBeInTheDocument());
  });

  it("pauses (aborting the block in flight) and resumes with only the missing blocks", async () => {
    const calls: string[] = [];
    let hold = true;
    store.stage.mockImplementation(async (id, _body, length, { abortSignal, onProgress }) => {
      calls.push(id);
      if (id === btoa("block-000001") && hold) {
        await new Promise((_resolve, reject) => abortSignal.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));
      }
      onProgress(length);
    });
    render(<RecordsUploader patientId="p1" />);
    choose(pdf("scan.pdf", 12));

    const pause = await screen.findByRole("button", { name: "Pause scan.pdf" });
    await waitFor(() => expect(calls).toHaveLength(3));
    fireEvent.click(pause);
    await waitFor(() => expect(within(row("scan.pdf")).getByText("Paused")).toBeInTheDocument());
    // Blocks 0 and 2 arrived (8 of 12 bytes); block 1 was cut off.
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "66");

    hold = false;
    fireEvent.click(screen.getByRole("button", { name: "Resume scan.pdf" }));
    await waitFor(() => expect(within(row("scan.pdf")).getByText("Done")).toBeInTheDocument());
    expect(calls.slice(3)).toEqual([btoa("block-000001")]);
    // Same slot: no new SAS was needed.
    expect(fetchMock.mock.calls.filter(([url]) => url === "/api/uploads")).toHaveLength(1);
  });

  it("retries a dropped block by itself, then offers Retry, keeping what was sent", async () => {
    let failuresLeft = 4;
    store.stage.mockImplementation(async (id, _body, length, { onProgress }) => {
      if (id === btoa("block-000001") && failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error("network down");
      }
      onProgress(length);
    });
    render(<RecordsUploader patientId="p1" retryBaseMs={1} />);
    choose(pdf("letter.pdf", 8));

    await waitFor(() => expect(within(row("letter.pdf")).getByText("Failed")).toBeInTheDocument());
    expect(within(row("letter.pdf")).getByText(/The connection dropped/)).toBeInTheDocument();
    expect(store.stage.mock.calls.filter(([id]) => id === btoa("block-000001"))).toHaveLength(4);

    fireEvent.click(within(row("letter.pdf")).getByRole("button", { name: "Retry letter.pdf" }));
    await waitFor(() => expect(within(row("letter.pdf")).getByText("Done")).toBeInTheDocument());
    expect(store.stage.mock.calls.filter(([id]) => id === btoa("block-000000"))).toHaveLength(1);
  });

  it("runs two files at a time and lets a queued one be cancelled", async () => {
    const gate = deferred();
    store.stage.mockImplementation(async (_id, _body, length, { onProgress }) => {
      await gate.promise;
      onProgress(length);
    });
    render(<RecordsUploader patientId="p1" />);
    choose(pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf"));

    await waitFor(() => expect(within(row("b.pdf")).getByText("Uploading")).toBeInTheDocument());
    expect(within(row("a.pdf")).getByText("Uploading")).toBeInTheDocument();
    expect(within(row("c.pdf")).getByText("Queued")).toBeInTheDocument();

    fireEvent.click(within(row("c.pdf")).getByRole("button", { name: "Cancel c.pdf" }));
    expect(screen.queryByTitle("c.pdf")).not.toBeInTheDocument();

    await act(async () => gate.resolve());
    await waitFor(() => expect(screen.getAllByText("Done")).toHaveLength(2));
    expect(fetchMock.mock.calls.filter(([url]) => url === "/api/uploads")).toHaveLength(2);
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
  });

  it("starts over with a new slot when the old one expired during a pause", async () => {
    let hold = true;
    store.stage.mockImplementation(async (id, _body, length, { abortSignal, onProgress }) => {
      if (id === btoa("block-000001") && hold) {
        await new Promise((_resolve, reject) => abortSignal.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));
      }
      onProgress(length);
    });
    const now = jest.spyOn(Date, "now");
    render(<RecordsUploader patientId="p1" />);
    choose(pdf("x-ray.pdf", 8));
    fireEvent.click(await screen.findByRole("button", { name: "Pause x-ray.pdf" }));
    await screen.findByRole("button", { name: "Resume x-ray.pdf" });

    hold = false;
    const later = Date.now() + 20 * 60_000;
    now.mockImplementation(() => later);
    fireEvent.click(screen.getByRole("button", { name: "Resume x-ray.pdf" }));
    await waitFor(() => expect(within(row("x-ray.pdf")).getByText("Done")).toBeInTheDocument());
    now.mockRestore();
    expect(fetchMock.mock.calls.filter(([url]) => url === "/api/uploads")).toHaveLength(2);
    expect(fetchMock.mock.calls.some(([url]) => url === "/api/uploads/slot-2/finalize")).toBe(true);
  });

  it("declares a file without extension as DICOM when picked with the DICOM chooser", async () => {
    render(<RecordsUploader patientId="p1" />);
    fireEvent.change(screen.getByLabelText("Choose DICOM files to upload"), { target: { files: [new File([new Uint8Array(8)], "IM000001", { type: "" })] } });
    await waitFor(() => expect(within(row("IM000001")).getByText("Done")).toBeInTheDocument());
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({ declaredType: "application/dicom", fileName: "IM000001" });
  });

  it("refuses the same file from the ordinary chooser, naming the allowed types", () => {
    render(<RecordsUploader patientId="p1" />);
    choose(new File([new Uint8Array(8)], "IM000001", { type: "" }));
    expect(within(row("IM000001")).getByText(/Use PDF, JPEG, PNG, HEIC, TIFF, DICOM/)).toBeInTheDocument();
  });
  it("goes on by itself when the browser is back online, sending only the blocks that were missing", async () => {
    let offline = true;
    store.stage.mockImplementation(async (id, _body, length, { onProgress }) => {
      if (id === btoa("block-000001") && offline) throw new Error("network down");
      onProgress(length);
    });
    render(<RecordsUploader patientId="p1" retryBaseMs={1} />);
    choose(pdf("scan-results.pdf", 8));
    await waitFor(() => expect(within(row("scan-results.pdf")).getByText("Failed")).toBeInTheDocument());
    expect(within(row("scan-results.pdf")).getByText(/goes on by itself when you are back online/)).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Upload of scan-results.pdf" })).toHaveAttribute("aria-valuenow", "50");

    offline = false;
    await act(async () => window.dispatchEvent(new Event("online")));
    await waitFor(() => expect(within(row("scan-results.pdf")).getByText("Done")).toBeInTheDocument());
    expect(store.stage.mock.calls.filter(([id]) => id === btoa("block-000000"))).toHaveLength(1);
    // One slot: the same upload went on, it did not start over.
    expect(fetchMock.mock.calls.filter(([url]) => url === "/api/uploads")).toHaveLength(1);
  });

  it("leaves a refused file alone when the browser comes back online", async () => {
    finalizeAnswer = { status: 200, body: { outcome: "rejected", reason: "This file is not really a PDF." } };
    render(<RecordsUploader patientId="p1" />);
    choose(pdf("fake.pdf", 8));
    await waitFor(() => expect(within(row("fake.pdf")).getByText("This file is not really a PDF.")).toBeInTheDocument());
    const calls = fetchMock.mock.calls.length;
    await act(async () => window.dispatchEvent(new Event("online")));
    expect(fetchMock.mock.calls).toHaveLength(calls);
  });

  it("uploads for the patient it is given, with the Open link a clinician's page asks for", async () => {
    render(<RecordsUploader patientId="patient-7" recordHrefPrefix="/clinician/patients/patient-7/records/" />);
    choose(pdf("referral.pdf", 8));
    await waitFor(() => expect(within(row("referral.pdf")).getByText("Done")).toBeInTheDocument());
    expect(screen.getByRole("link", { name: /Open referral\.pdf/ })).toHaveAttribute("href", "/clinician/patients/patient-7/records/rec-1");
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({ patientId: "patient-7" });
  });

  it("shows no Open link when the page has no record page to send to", async () => {
    render(<RecordsUploader patientId="p1" recordHrefPrefix={null} />);
    choose(pdf("note.pdf", 8));
    await waitFor(() => expect(within(row("note.pdf")).getByText("Done")).toBeInTheDocument());
    expect(screen.queryByRole("link", { name: /Open note\.pdf/ })).toBeNull();
  });
});
