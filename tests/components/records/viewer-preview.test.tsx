import { fireEvent, render, screen } from "@testing-library/react";
import { previewKind } from "@/components/records/viewer/preview-kind";
import { RecordPreview } from "@/components/records/viewer/record-preview";
import { requestRecordUrl } from "@/components/records/viewer/request-record-url";

jest.mock("@/components/records/viewer/request-record-url", () => ({ requestRecordUrl: jest.fn() }));
jest.mock("next/dynamic", () => () => function DicomViewerStub({ url }: { url: string }) {
  return <div data-testid="dicom-stub">{url}</div>;
});

const requestUrl = requestRecordUrl as jest.MockedFunction<typeof requestRecordUrl>;
const SAS = "https://storage.example.test/records/blob?sv=2024&sig=abc";

describe("inline preview", () => {
  beforeEach(() => requestUrl.mockReset().mockResolvedValue(SAS));

  it("knows which types are shown and how", () => {
    expect(previewKind("image/png")).toBe("image");
    expect(previewKind("image/heic")).toBe("maybe-image");
    expect(previewKind("application/pdf")).toBe("pdf");
    expect(previewKind("text/plain")).toBe("text");
    expect(previewKind("application/dicom")).toBe("dicom");
    expect(previewKind("text/html")).toBe("none");
    expect(previewKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe("none");
  });

  it("shows an image from the preview link", async () => {
    render(<RecordPreview recordId="rec_1" name="x-ray.png" mimeType="image/png" sizeBytes={100} />);
    const image = await screen.findByRole("img", { name: "Preview of x-ray.png" });
    expect(image).toHaveAttribute("src", SAS);
    expect(requestUrl).toHaveBeenCalledWith("rec_1", "preview");
  });

  it("falls back to the server's small copy when the browser cannot decode a HEIC, and says why", async () => {
    render(<RecordPreview recordId="rec_1" name="IMG_5512.HEIC" mimeType="image/heic" sizeBytes={100} hasThumbnail />);
    fireEvent.error(await screen.findByRole("img", { name: "Preview of IMG_5512.HEIC" }));
    expect(screen.getByRole("img", { name: "Smaller copy of IMG_5512.HEIC" })).toHaveAttribute("src", "/api/records/rec_1/thumbnail");
    expect(screen.getByText(/cannot show this format at full size/)).toBeInTheDocument();

    // If the small copy fails too (or there is none), the download message.
    fireEvent.error(screen.getByRole("img", { name: "Smaller copy of IMG_5512.HEIC" }));
    expect(screen.getByText(/No preview for this format — download it/)).toBeInTheDocument();
  });

  it("has no small copy to fall back to without a thumbnail", async () => {
    render(<RecordPreview recordId="rec_1" name="scan.tiff" mimeType="image/tiff" sizeBytes={100} />);
    fireEvent.error(await screen.findByRole("img", { name: "Preview of scan.tiff" }));
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByText(/No preview for this format — download it/)).toBeInTheDocument();
  });

  it("puts a PDF in a frame of the storage origin", async () => {
    render(<RecordPreview recordId="rec_1" name="labs.pdf" mimeType="application/pdf" sizeBytes={100} />);
    expect(await screen.findByTitle("PDF: labs.pdf")).toHaveAttribute("src", SAS);
  });

  it("shows text as text, never as markup", async () => {
    const fetchMock = jest.fn().mockResolvedValue({ ok: true, text: async () => "<script>alert(1)</script>\nHb 13.5" });
    global.fetch = fetchMock as unknown as typeof fetch;
    const { container } = render(<RecordPreview recordId="rec_1" name="note.txt" mimeType="text/plain" sizeBytes={30} />);
    const pre = await screen.findByTestId("record-text");
    expect(pre.tagName).toBe("PRE");
    expect(pre).toHaveTextContent("<script>alert(1)</script> Hb 13.5");
    expect(container.querySelector("script")).toBeNull();
    expect(fetchMock).toHaveBeenCalledWith(SAS, expect.objectContaining({ credentials: "omit" }));
  });

  it("hands a DICOM to the viewer and asks for no link for types it cannot show", async () => {
    render(<RecordPreview recordId="rec_1" name="ct.dcm" mimeType="application/dicom" sizeBytes={100} />);
    expect(await screen.findByTestId("dicom-stub")).toHaveTextContent(SAS);

    requestUrl.mockClear();
    render(<RecordPreview recordId="rec_2" name="letter.docx" mimeType="application/vnd.openxmlformats-officedocument.wordprocessingml.document" sizeBytes={100} />);
    expect(screen.getByText(/No preview for this format — download it/)).toBeInTheDocument();
    expect(requestUrl).not.toHaveBeenCalled();
  });

  it("says what went wrong when no link is given", async () => {
    requestUrl.mockRejectedValue(new Error("We could not find that, or you do not have access to it."));
    render(<RecordPreview recordId="rec_1" name="x.png" mimeType="image/png" sizeBytes={1} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("We could not find that");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
