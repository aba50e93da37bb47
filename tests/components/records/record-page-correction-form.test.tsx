import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { CONFLICT_MESSAGE, MetadataForm } from "@/components/records/detail/metadata-form";
import { RecordVersionProvider } from "@/components/records/detail/record-version";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, replace: jest.fn(), push: jest.fn() }) }));
// The real action needs a session and the database; the form is tested against its contract.
jest.mock("@/app/(patient)/patient/records/[recordId]/actions", () => ({ correctRecordMetadataAction: jest.fn() }));

type Submit = NonNullable<Parameters<typeof MetadataForm>[0]["submit"]>;

function renderForm(submit: jest.Mock, version = 3) {
  return render(
    <RecordVersionProvider version={version}>
      <MetadataForm recordId="rec_1" category="LAB_RESULT" dateOfService="2024-03-05" tags={["blood"]} submit={submit as unknown as Submit} />
    </RecordVersionProvider>,
  );
}

const save = () => act(async () => fireEvent.click(screen.getByRole("button", { name: "Save corrections" })));

describe("correcting a record's details", () => {
  beforeEach(() => refresh.mockReset());

  it("explains a date in the future or in the wrong shape, and sends nothing", async () => {
    const submit = jest.fn();
    renderForm(submit);
    fireEvent.change(screen.getByLabelText("Date of service"), { target: { value: "2999-01-01" } });
    await save();
    expect(await screen.findByText("Use a real date that is not in the future.")).toBeInTheDocument();
    expect(screen.getByLabelText("Date of service")).toHaveAttribute("aria-invalid", "true");
    expect(submit).not.toHaveBeenCalled();
  });

  it("explains tags that are too long or too many", async () => {
    const submit = jest.fn();
    renderForm(submit);
    const tags = screen.getByLabelText("Tags");
    fireEvent.change(tags, { target: { value: `blood, ${"x".repeat(41)}` } });
    await save();
    expect(await screen.findByText(`“${"x".repeat(41)}”: A tag has at most 40 characters.`)).toBeInTheDocument();

    fireEvent.change(tags, { target: { value: Array.from({ length: 21 }, (_, i) => `tag${i}`).join(", ") } });
    await save();
    expect(await screen.findByText("At most 20 tags.")).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
  });

  it("says so when nothing was changed", async () => {
    const submit = jest.fn();
    renderForm(submit);
    await save();
    expect(await screen.findByText(/Nothing has changed yet/)).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
  });

  it("sends only the changed fields with the version it saw, then the new version", async () => {
    const submit = jest.fn().mockResolvedValueOnce({ ok: true, version: 4, correctedFields: ["category", "tags"] }).mockResolvedValueOnce({ ok: true, version: 5, correctedFields: ["category", "tags"] });
    renderForm(submit);
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "IMAGING" } });
    fireEvent.change(screen.getByLabelText("Tags"), { target: { value: "blood,  Cardiology " } });
    await save();
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit).toHaveBeenCalledWith({ recordId: "rec_1", expectedVersion: 3, changes: { category: "IMAGING", tags: ["blood", "Cardiology"] } });
    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect(refresh).toHaveBeenCalled();

    // The next save carries the version the first one produced; an emptied date means "unknown".
    fireEvent.change(screen.getByLabelText("Date of service"), { target: { value: "" } });
    await save();
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(submit).toHaveBeenLastCalledWith({ recordId: "rec_1", expectedVersion: 4, changes: { dateOfService: null } });
  });

  it("explains a conflict clearly and offers to reload", async () => {
    const submit = jest.fn().mockResolvedValue({ ok: false, code: "CONFLICT", message: "That was changed by someone else. Reload and try again." });
    renderForm(submit);
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "REFERRAL" } });
    await save();
    expect(await screen.findByText(CONFLICT_MESSAGE)).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("your correction was not saved");
    fireEvent.click(screen.getByRole("button", { name: "Reload the latest version" }));
    expect(refresh).toHaveBeenCalled();
    expect(screen.getByLabelText("Category")).toHaveValue("LAB_RESULT");
  });

  it("shows the server's message for a field it refused", async () => {
    const submit = jest.fn().mockResolvedValue({ ok: false, code: "VALIDATION_FAILED", message: "Some of the information is not valid.", fieldErrors: { tags: ["A tag cannot contain control characters."] } });
    renderForm(submit);
    fireEvent.change(screen.getByLabelText("Tags"), { target: { value: "blood, other" } });
    await save();
    expect(await screen.findByText("A tag cannot contain control characters.")).toBeInTheDocument();
  });
});
