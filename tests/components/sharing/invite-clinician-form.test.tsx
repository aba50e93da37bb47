// "Invite by email": offered by the share form when nobody matches, then an
// address plus the share's terms, checked with the shared rules and messages;
// the server's field errors land on their fields.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { InviteClinicianForm, type InviteClinicianFormProps } from "@/components/sharing/invite-clinician-form";
import { ShareForm } from "@/components/sharing/share-form";

// Local noon, so adding days never crosses a daylight-saving edge into another day.
const NOW = new Date(2026, 2, 10, 12, 0, 0);

function renderForm(overrides: Partial<InviteClinicianFormProps> = {}) {
  const props: InviteClinicianFormProps = {
    maxDays: 90,
    records: [{ id: "rec-1", name: "blood.pdf", category: "LAB_RESULT" }],
    invite: jest.fn().mockResolvedValue({ ok: true, outcome: "invited" }),
    onInvited: jest.fn(),
    onBack: jest.fn(),
    now: NOW,
    ...overrides,
  };
  render(<InviteClinicianForm {...props} />);
  return props;
}

const emailField = () => screen.getByLabelText("Clinician's email address");
const submit = () => act(async () => fireEvent.click(screen.getByRole("button", { name: "Send invitation" })));

describe("Invite by email in the share dialog", () => {
  it("is offered when the search finds no verified clinician, with what was searched for", async () => {
    const onInvite = jest.fn();
    render(
      <ShareForm
        maxDays={90}
        records={[]}
        findClinicians={jest.fn().mockResolvedValue({ ok: true, clinicians: [] })}
        share={jest.fn()}
        onInvite={onInvite}
        now={NOW}
      />,
    );
    expect(screen.queryByRole("button", { name: "Invite by email" })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Find a clinician"), { target: { value: " dr.grey@clinic.example " } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Search" })));
    expect(screen.getByRole("status")).toHaveTextContent("No verified clinician matches.");
    fireEvent.click(screen.getByRole("button", { name: "Invite by email" }));
    expect(onInvite).toHaveBeenCalledWith("dr.grey@clinic.example");
  });

  it("takes the search as the address only when it looks like one", () => {
    renderForm({ initialEmail: "Grey" });
    expect(emailField()).toHaveValue("");
  });

  it("needs a valid address and says which problem it has", async () => {
    const props = renderForm();
    await submit();
    expect(await screen.findByText("Enter the clinician's email address.")).toBeInTheDocument();
    fireEvent.change(emailField(), { target: { value: "grey at clinic" } });
    await submit();
    expect(await screen.findByText("Enter a valid email address, like name@example.org.")).toBeInTheDocument();
    expect(emailField()).toHaveAttribute("aria-invalid", "true");
    expect(props.invite).not.toHaveBeenCalled();
  });

  it("checks the terms with the share form's rules, even while the address is wrong", async () => {
    const props = renderForm();
    fireEvent.click(screen.getByRole("radio", { name: /^Chosen categories/ }));
    fireEvent.change(screen.getByLabelText("Share until"), { target: { value: "2026-12-31" } });
    await submit();
    expect(await screen.findByText("Enter the clinician's email address.")).toBeInTheDocument();
    expect(screen.getByText("Choose at least one category.")).toBeInTheDocument();
    expect(screen.getByText("Share for at most 90 days.")).toBeInTheDocument();
    expect(props.invite).not.toHaveBeenCalled();
  });

  it("sends the address (lower-cased) with the chosen terms and reports success", async () => {
    const props = renderForm({ initialEmail: "Dr.Grey@Clinic.example" });
    expect(emailField()).toHaveValue("Dr.Grey@Clinic.example");
    fireEvent.click(screen.getByRole("radio", { name: /^Chosen records/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: /blood\.pdf/ }));
    fireEvent.click(screen.getByRole("radio", { name: /^View and download/ }));
    fireEvent.change(screen.getByLabelText("Share until"), { target: { value: "2026-03-20" } });
    await submit();

    expect(props.invite).toHaveBeenCalledWith({
      email: "dr.grey@clinic.example",
      level: "DOWNLOAD",
      scope: "RECORDS",
      categories: [],
      recordIds: ["rec-1"],
      expiresAt: new Date(2026, 2, 20, 23, 59).toISOString(),
    });
    expect(props.onInvited).toHaveBeenCalledWith("dr.grey@clinic.example");
  });

  it("puts the server's field errors on their fields and shows other failures above the form", async () => {
    const invite = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, code: "VALIDATION_FAILED", message: "x", fieldErrors: { email: ["This is your own email address. Enter the clinician's address."] } })
      .mockResolvedValueOnce({ ok: false, code: "RATE_LIMITED", message: "You can send at most 10 invitations a day. Try again tomorrow." });
    const props = renderForm({ invite, initialEmail: "me@example.org" });
    await submit();
    expect(await screen.findByText("This is your own email address. Enter the clinician's address.")).toBeInTheDocument();
    await submit();
    expect(await screen.findByRole("alert")).toHaveTextContent("You can send at most 10 invitations a day. Try again tomorrow.");
    expect(props.onInvited).not.toHaveBeenCalled();
  });

  it("goes back to the search", () => {
    const props = renderForm();
    fireEvent.click(screen.getByRole("button", { name: /Back to search/ }));
    expect(props.onBack).toHaveBeenCalled();
  });
});
