import { render, screen, within } from "@testing-library/react";
import { CategorizationWhy } from "@/components/records/detail/categorization-why";
import { parseSignals, signalReason, signalResult } from "@/components/records/detail/signals";

const stored = {
  format: 1,
  signals: [
    { field: "category", value: "IMAGING", source: "dicom", detail: 'matched "DICOM file" (+60%)' },
    { field: "modality", value: "CT", source: "dicom", detail: "Modality CT" },
    { field: "bodyPart", value: "CHEST", source: "dicom", detail: "BodyPartExamined" },
    { field: "dateOfService", value: "2024-03-05", source: "dicom", detail: "DICOM StudyDate" },
    { field: "sourceProvider", value: "St. Mary's", source: "dicom", detail: "InstitutionName" },
  ],
  notes: [],
  kept: [],
};

describe("Why this category?", () => {
  it("reads the signals out of the stored categorization and ignores anything malformed", () => {
    expect(parseSignals(stored)).toHaveLength(5);
    expect(parseSignals([{ field: "category", value: "OTHER", source: "text", detail: "no rule matched" }, { field: 1 }])).toHaveLength(1);
    expect(parseSignals(null)).toEqual([]);
    expect(parseSignals({ signals: "nope" })).toEqual([]);
  });

  it("says in plain words what each signal found and where", () => {
    const reasons = parseSignals(stored).map(signalReason);
    expect(reasons).toEqual([
      "Found 'DICOM file' in the image's descriptions",
      "DICOM tag Modality = CT",
      "DICOM tag BodyPartExamined = CHEST",
      "DICOM tag StudyDate = Mar 5, 2024",
      "DICOM tag InstitutionName = St. Mary's",
    ]);
    const lab = { field: "category", value: "LAB_RESULT", source: "pdf-text", detail: 'matched "reference range" (+35%)' };
    expect(signalResult(lab)).toBe("Category: Lab result");
    expect(signalReason(lab)).toBe("Found 'reference range' in the text");
    expect(signalReason({ field: "category", value: "LAB_RESULT", source: "ocr", detail: 'matched "hemoglobin" (+20%)' })).toBe("Found 'hemoglobin' in the scanned text");
    expect(signalReason({ field: "dateOfService", value: "2024-01-02", source: "pdf-text", detail: 'labelled "Date of service"' })).toBe(
      "Date labelled 'Date of service' in the text",
    );
    expect(signalReason({ field: "category", value: "OTHER", source: "filename", detail: "no rule matched" })).toBe(
      "Nothing in the file pointed to a category, so it was filed under Other",
    );
    expect(signalReason({ field: "modality", value: "MRI", source: "filename", detail: 'mentions "mri"' })).toBe("Found 'mri' in the file name");
  });

  it("lists the signals behind a disclosure, category first, as text", () => {
    const signals = [
      { field: "dateOfService", value: "2024-03-05", source: "text", detail: "earliest unlabelled date in the text" },
      { field: "category", value: "LAB_RESULT", source: "text", detail: 'matched "<b>reference range</b>" (+35%)' },
    ];
    const { container } = render(<CategorizationWhy signals={signals} correctedFields={["category"]} />);
    expect(screen.getByText("Why this category?").closest("summary")).toBeInTheDocument();
    const items = within(screen.getByTestId("categorization-signals")).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Category: Lab result");
    expect(items[0]).toHaveTextContent("Found '<b>reference range</b>' in the text");
    expect(items[1]).toHaveTextContent("Date of service: Mar 5, 2024");
    expect(items[1]).toHaveTextContent("The earliest date found in the text");
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByText(/automatic sorting never changes them again/)).toBeInTheDocument();
  });

  it("explains an empty list instead of showing nothing", () => {
    render(<CategorizationWhy signals={[]} correctedFields={[]} />);
    expect(screen.getByText(/found nothing in this file to go on/)).toBeInTheDocument();
  });
});
