// The share form checks in the browser what the server checks again: a chosen
// clinician, a scope with its list, a level, and an end date that is neither
// past nor beyond the maximum; server field errors land on their fields.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ShareForm, type ShareFormProps } from "@/components/sharing/share-form";
import { toGrantAccessInput } from "@/components/sharing/share-form-schema";

// Local noon, so adding days never crosses a daylight-saving edge into another day.
const NOW = new Date(2026, 2, 10, 12, 0, 0);
const DR = { id: "dr-1", name: "Dr Ada Grey", role: "PHYSICIAN", specialty: "Cardiology", organization: "St Mary's" };

function renderForm(overrides: Partial<ShareFormProps> = {}) {
  const props: ShareFormProps = {
    maxDays: 90,
    records: [{ id: "rec-1", name: "blood.pdf", category: "LAB_RESULT" }],
    findClinicians: jest.fn().mockResolvedValue({ ok: true, clinicians: [DR] }),
    share: jest.fn().mockResolvedValue({ ok: true, outcome: "created" }),
    onShared: jest.fn(),
    now: NOW,
    ...overrides,
  };
  render(<ShareForm {...props} />);
  return props;
}

async function chooseClinician() {
  fireEvent.change(screen.getByLabelText("Find a clinician"), { target: { value: "grey" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Search" })));
  fireEvent.click(await screen.findByRole("radio", { name: /Dr Ada Grey/ }));
}

const submit = () => act(async () => fireEvent.click(screen.getByRole("button", { name: "Share" })));

describe("ShareForm", () => {
  it("defaults to everything, view only, for 30 days", () => {
    renderForm();
    expect(screen.getByRole("radio", { name: /^Everything/ })).toBeChecked();
    expect(screen.getByRole("radio", { name: /^View only/ })).toBeChecked();
    expect(screen.getByLabelText("Share until")).toHaveValue("2026-04-09");
    expect(screen.getByLabelText("Share until")).toHaveAttribute("min", "2026-03-10");
    expect(screen.getByLabelText("Share until")).toHaveAttribute("max", "2026-06-08");
    // Every level is explained in plain words.
    expect(screen.getByText(/cannot save copies/)).toBeInTheDocument();
    expect(screen.getByText(/Nothing changes until you approve it/)).toBeInTheDocument();
  });

  it("needs a clinician from the search results", async () => {
    const props = renderForm();
    await submit();
    expect(await screen.findByText("Choose a clinician.")).toBeInTheDocument();
    expect(props.share).not.toHaveBeenCalled();
  });

  it("searches only with at least 2 characters and says when nobody matches", async () => {
    const findClinicians = jest.fn().mockResolvedValue({ ok: true, clinicians: [] });
    renderForm({ findClinicians });
    fireEvent.change(screen.getByLabelText("Find a clinician"), { target: { value: "g" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Search" })));
    expect(screen.getByText(/Type at least 2 characters/)).toBeInTheDocument();
    expect(findClinicians).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText("Find a clinician"), { target: { value: "nobody" } });
    await act(async () => fireEvent.keyDown(screen.getByLabelText("Find a clinician"), { key: "Enter" }));
    expect(findClinicians).toHaveBeenCalledWith({ query: "nobody" });
    expect(screen.getByRole("status")).toHaveTextContent("No verified clinician matches");
  });

  it("needs at least one category when sharing chosen categories", async () => {
    const props = renderForm();
    await chooseClinician();
    fireEvent.click(screen.getByRole("radio", { name: /^Chosen categories/ }));
    await submit();
    expect(await screen.findByText("Choose at least one category.")).toBeInTheDocument();
    expect(props.share).not.toHaveBeenCalled();
  });

  it("needs at least one record when sharing chosen records", async () => {
    const props = renderForm();
    await chooseClinician();
    fireEvent.click(screen.getByRole("radio", { name: /^Chosen records/ }));
    expect(screen.getByRole("checkbox", { name: /blood\.pdf/ })).toBeInTheDocument();
    await submit();
    expect(await screen.findByText("Choose at least one record.")).toBeInTheDocument();
    expect(props.share).not.toHaveBeenCalled();
  });

  it("refuses an end date in the past and one beyond the maximum", async () => {
    const props = renderForm();
    await chooseClinician();
    fireEvent.change(screen.getByLabelText("Share until"), { target: { value: "2026-03-09" } });
    await submit();
    expect(await screen.findByText("Choose an end date in the future.")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Share until"), { target: { value: "2026-06-09" } });
    await submit();
    expect(await screen.findByText("Share for at most 90 days.")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Share until"), { target: { value: "" } });
    await submit();
    expect(await screen.findByText("Choose an end date.")).toBeInTheDocument();
    expect(props.share).not.toHaveBeenCalled();
  });

  it("sends the chosen terms, ending at the end of the chosen day", async () => {
    const props = renderForm();
    await chooseClinician();
    fireEvent.click(screen.getByRole("radio", { name: /^Chosen categories/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Lab result" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Imaging" }));
    fireEvent.click(screen.getByRole("radio", { name: /^View and download/ }));
    fireEvent.change(screen.getByLabelText("Share until"), { target: { value: "2026-03-17" } });
    await submit();
    await waitFor(() => expect(props.share).toHaveBeenCalledTimes(1));
    expect(props.share).toHaveBeenCalledWith({
      granteeId: "dr-1",
      level: "DOWNLOAD",
      scope: "CATEGORIES",
      categories: ["IMAGING", "LAB_RESULT"],
      recordIds: [],
      expiresAt: new Date(2026, 2, 17, 23, 59).toISOString(),
    });
    expect(props.onShared).toHaveBeenCalledWith(DR);
  });

  it("shows the server's field errors on their fields", async () => {
    const share = jest.fn().mockResolvedValue({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Some of the information is not valid.",
      fieldErrors: { expiresAt: ["Share for at most 90 days."], granteeId: ["Choose a verified clinician from the list."] },
    });
    const props = renderForm({ share });
    await chooseClinician();
    await submit();
    expect(await screen.findByText("Share for at most 90 days.")).toBeInTheDocument();
    expect(screen.getByText("Choose a verified clinician from the list.")).toBeInTheDocument();
    expect(props.onShared).not.toHaveBeenCalled();
  });

  it("shows a general failure as an alert", async () => {
    const share = jest.fn().mockResolvedValue({ ok: false, code: "INTERNAL", message: "Something went wrong on our side. Nothing you entered was lost." });
    renderForm({ share });
    await chooseClinician();
    await submit();
    expect(within(await screen.findByRole("alert")).getByText(/Something went wrong/)).toBeInTheDocument();
  });
});

describe("toGrantAccessInput", () => {
  it("never ends later than the maximum counted from now", () => {
    const now = new Date(2026, 2, 10, 12, 0, 0);
    const input = toGrantAccessInput({ granteeId: "x", level: "VIEW", scope: "ALL", categories: ["LAB_RESULT"], recordIds: ["r"], endDay: "2026-03-17" }, { now, maxDays: 7 });
    expect(new Date(input.expiresAt as string).getTime()).toBe(now.getTime() + 7 * 86_400_000 - 60_000);
    // The lists that do not belong to the scope are emptied.
    expect(input).toMatchObject({ categories: [], recordIds: [] });
  });
});
