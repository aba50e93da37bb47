// The records list: grouping, what each item says, and Archive with Undo.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { RecordList } from "@/components/records/list/record-list";
import type { ListedRecord } from "@/components/records/list/record-list-item";
import { RecordsToastProvider } from "@/components/records/list/records-toast";

const record = (overrides: Partial<ListedRecord>): ListedRecord => ({
  id: "rec-1",
  ownerId: "p1",
  uploadedById: "p1",
  originalName: "blood-test.pdf",
  mimeType: "application/pdf",
  sizeBytes: 1000,
  sha256: "0".repeat(64),
  status: "READY",
  category: "LAB_RESULT",
  dateOfService: "2026-03-12",
  sourceProvider: "St Mary's Hospital",
  hasThumbnail: false,
  version: 1,
  createdAt: "2026-03-13T10:00:00.000Z",
  archivedAt: null,
  ...overrides,
});

const records = [
  record({}),
  record({ id: "rec-2", originalName: "<b>chest</b>.dcm", mimeType: "application/dicom", category: "IMAGING", modality: "XRAY", uploadedById: "dr-1", sourceProvider: null }),
  record({ id: "rec-3", originalName: "new.png", mimeType: "image/png", category: null, dateOfService: null }),
];

const ok = (message: string) => jest.fn(async () => ({ ok: true, message }));

describe("RecordList", () => {
  it("groups by category with a heading and count, unsorted records last", () => {
    render(<RecordList records={records} view="category" archive={ok("")} restore={ok("")} />);
    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(["Imaging1 record", "Lab result1 record", "Not sorted yet1 record"]);
  });

  it("shows name (escaped), link, modality, provider and who uploaded it", () => {
    render(<RecordList records={records} view="timeline" archive={ok("")} restore={ok("")} />);
    const link = screen.getByRole("link", { name: /<b>chest<\/b>\.dcm/ });
    expect(link).toHaveAttribute("href", "/patient/records/rec-2");
    const item = link.closest("li")!;
    expect(within(item).getByText("Imaging · X-ray")).toBeInTheDocument();
    expect(within(item).getByText("your care team")).toBeInTheDocument();
    expect(document.querySelector("b")).toBeNull();
    expect(screen.getAllByText("St Mary's Hospital")).toHaveLength(2);
    // Timeline groups: month of service, then undated.
    expect(screen.getByRole("heading", { name: /No date of service/ })).toBeInTheDocument();
  });

  it("archives without asking and offers Undo in a toast", async () => {
    const archive = ok("Record archived. Find it again under Show archived.");
    const restore = ok("Record restored to your records.");
    render(
      <RecordsToastProvider>
        <RecordList records={[record({})]} view="category" archive={archive} restore={restore} />
      </RecordsToastProvider>,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Archive blood-test.pdf" })));
    expect(archive).toHaveBeenCalledWith("rec-1");
    const toast = await screen.findByRole("status");
    expect(toast).toHaveTextContent("Record archived.");

    await act(async () => fireEvent.click(within(toast).getByRole("button", { name: "Undo" })));
    expect(restore).toHaveBeenCalledWith("rec-1");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Record restored."));
  });

  it("offers Restore on archived records and shows a failure as an error", async () => {
    const restore = jest.fn(async () => ({ ok: false, message: "We could not find that, or you do not have access to it." }));
    render(
      <RecordsToastProvider>
        <RecordList records={[record({ status: "ARCHIVED" })]} view="category" archive={ok("")} restore={restore} />
      </RecordsToastProvider>,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Restore blood-test.pdf" })));
    expect(await screen.findByRole("alert")).toHaveTextContent("We could not find that");
  });
  it("shows a thumbnail from the authorized route where one exists, else the type icon", () => {
    render(<RecordList records={[record({ hasThumbnail: true }), record({ id: "rec-9", originalName: "plain.pdf" })]} view="category" archive={ok("")} restore={ok("")} />);
    const thumbnails = screen.getAllByTestId("record-thumbnail");
    expect(thumbnails).toHaveLength(1);
    expect(thumbnails[0]).toHaveAttribute("src", "/api/records/rec-1/thumbnail");
    expect(thumbnails[0]).toHaveAttribute("alt", "");
    expect(thumbnails[0]).toHaveAttribute("loading", "lazy");
    expect(thumbnails[0]!.closest("li")).toHaveTextContent("blood-test.pdf");
  });

  it("names the clinician who uploaded a record", () => {
    render(<RecordList records={[record({ uploadedById: "dr-1", uploadedByName: "Dr. Amara Okafor" })]} view="category" archive={ok("")} restore={ok("")} />);
    expect(screen.getByText("Uploaded by").nextSibling).toHaveTextContent("Dr. Amara Okafor");
  });
});
