// The lab result and vital sign forms against their contract: the shared zod
// schema checks in the browser with field messages, the parsed data is what
// is sent, server field errors and conflicts are shown.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { CONFLICT_MESSAGE, HealthEntryForm } from "@/components/health/health-entry-form";

const push = jest.fn();
const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push, replace: jest.fn() }) }));

const save = (name = "Save lab result") => act(async () => fireEvent.click(screen.getByRole("button", { name })));
const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("the lab result form", () => {
  beforeEach(() => {
    push.mockReset();
    refresh.mockReset();
  });

  it("explains missing and malformed values next to their fields and sends nothing", async () => {
    const submit = jest.fn();
    render(<HealthEntryForm kind="LAB_RESULT" submitLabel="Save lab result" submit={submit} doneHref="/patient/health" />);
    type(/Lowest normal value/, "abc");
    await save();
    expect(await screen.findByText("Enter the test name.")).toBeInTheDocument();
    expect(screen.getByText("Enter the result, like 5.4 or negative.")).toBeInTheDocument();
    expect(screen.getByText("Enter the lowest normal value as a number, like 72 or 36.6.")).toBeInTheDocument();
    expect(screen.getByText("Enter the date of the test.")).toBeInTheDocument();
    expect(screen.getByLabelText("Test")).toHaveAttribute("aria-invalid", "true");
    expect(submit).not.toHaveBeenCalled();
  });

  it("sends the parsed data (numbers as numbers, empty optional fields left out), then goes back to the list", async () => {
    const submit = jest.fn().mockResolvedValue({ ok: true, entryId: "e1" });
    render(<HealthEntryForm kind="LAB_RESULT" submitLabel="Save lab result" submit={submit} doneHref="/patient/health#health-labs" />);
    type("Test", "HbA1c");
    type("Result", "7,9");
    type(/^Unit/, "%");
    type(/Highest normal value/, "5.6");
    type("Date of the test", "2025-10-01");
    await save();
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const [data] = submit.mock.calls[0] as [Record<string, unknown>];
    expect(JSON.parse(JSON.stringify(data))).toEqual({ test: "HbA1c", value: 7.9, unit: "%", referenceHigh: 5.6, takenAt: "2025-10-01" });
    expect(push).toHaveBeenCalledWith("/patient/health#health-labs");
  });

  it("shows the server's field messages and explains a conflict", async () => {
    const submit = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, code: "VALIDATION_FAILED", message: "Some of the information is not valid.", fieldErrors: { takenAt: ["The date of the test cannot be in the future."] } })
      .mockResolvedValueOnce({ ok: false, code: "CONFLICT", message: "That was changed by someone else. Reload and try again." });
    render(
      <HealthEntryForm
        kind="LAB_RESULT"
        initialData={{ test: "HbA1c", value: 7.9, takenAt: "2025-10-01" }}
        submitLabel="Save changes"
        submit={submit}
        doneHref="/patient/health"
      />,
    );
    expect(screen.getByLabelText("Result")).toHaveValue("7.9");
    await save("Save changes");
    expect(await screen.findByText("The date of the test cannot be in the future.")).toBeInTheDocument();
    await save("Save changes");
    expect(await screen.findByText(CONFLICT_MESSAGE)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reload the latest version" })).toBeInTheDocument();
    expect(push).not.toHaveBeenCalled();
  });
});

describe("the vital sign form", () => {
  it("asks for the diastolic value for blood pressure only, and offers the units of the measurement", async () => {
    const submit = jest.fn().mockResolvedValue({ ok: true });
    render(<HealthEntryForm kind="VITAL_SIGN" submitLabel="Save vital sign" submit={submit} doneHref="/patient/health" />);
    expect(screen.getByLabelText("Systolic (upper) value")).toBeInTheDocument();
    expect(screen.getByLabelText("Diastolic (lower) value")).toBeInTheDocument();

    type("Measurement", "weight");
    await waitFor(() => expect(screen.queryByLabelText("Diastolic (lower) value")).not.toBeInTheDocument());
    expect(screen.getByLabelText("Value")).toBeInTheDocument();
    const units = Array.from((screen.getByLabelText("Unit") as HTMLSelectElement).options).filter((o) => !o.disabled).map((o) => o.value);
    expect(units).toEqual(["kg", "lb"]);

    type("Value", "72.5");
    type("Date of the reading", "2025-06-01");
    await save("Save vital sign");
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(JSON.parse(JSON.stringify(submit.mock.calls[0][0]))).toEqual({ type: "weight", value: 72.5, unit: "kg", takenAt: "2025-06-01" });
  });
});
