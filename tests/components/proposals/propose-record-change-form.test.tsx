import { act, fireEvent, render, screen } from "@testing-library/react";
import { ProposeRecordChangeForm } from "@/components/proposals/propose-record-change-form";

// The real action needs a session and the database; the form is tested against its contract.
jest.mock("@/app/(clinician)/clinician/proposals/actions", () => ({ proposeRecordChangeAction: jest.fn() }));

type Submit = NonNullable<Parameters<typeof ProposeRecordChangeForm>[0]["submit"]>;

function renderForm(submit: jest.Mock) {
  return render(
    <ProposeRecordChangeForm recordId="rec_1" version={4} category="OTHER" dateOfService={null} tags={["scan"]} bodyPart={null} sourceProvider="City Lab" submit={submit as unknown as Submit} />,
  );
}

const send = () => act(async () => fireEvent.click(screen.getByRole("button", { name: "Send proposal" })));

describe("proposing a change to a shared record", () => {
  it("sends only the fields changed, with the version seen and the note", async () => {
    const submit = jest.fn().mockResolvedValue({ ok: true, proposalId: "p1" });
    renderForm(submit);
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "IMAGING" } });
    fireEvent.change(screen.getByLabelText("Body part"), { target: { value: "Left knee" } });
    fireEvent.change(screen.getByLabelText("Provider"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Note for the patient (optional)"), { target: { value: "Per the radiology report." } });
    await send();
    expect(submit).toHaveBeenCalledWith({
      recordId: "rec_1",
      baseVersion: 4,
      changes: { category: "IMAGING", bodyPart: "Left knee", sourceProvider: null },
      note: "Per the radiology report.",
    });
    expect(await screen.findByText(/Proposal sent/)).toBeInTheDocument();
  });

  it("sends nothing when nothing differs, and explains a stale page", async () => {
    const submit = jest.fn().mockResolvedValue({ ok: false, code: "CONFLICT", message: "x" });
    renderForm(submit);
    await send();
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Nothing differs from the record yet");

    fireEvent.change(screen.getByLabelText("Tags"), { target: { value: "scan, knee" } });
    await send();
    expect(submit).toHaveBeenCalledWith(expect.objectContaining({ changes: { tags: ["scan", "knee"] } }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This record changed after you opened it");
  });

  it("shows a date in the future next to the field and sends nothing", async () => {
    const submit = jest.fn();
    renderForm(submit);
    fireEvent.change(screen.getByLabelText("Date of service"), { target: { value: "2999-01-01" } });
    await send();
    expect(await screen.findByText(/Use a real date that is not in the future/)).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
  });
});
