// The emergency banner says how long the access has left and ends it on "End now".
import { act, fireEvent, render, screen } from "@testing-library/react";
import { EmergencyBanner, timeLeftText } from "@/components/clinician/emergency-banner";

describe("EmergencyBanner", () => {
  it("words the time left", () => {
    expect(timeLeftText(4 * 60 * 60_000)).toBe("4 h left");
    expect(timeLeftText(3 * 60 * 60_000 + 5 * 60_000 + 1)).toBe("3 h 6 min left");
    expect(timeLeftText(59_000)).toBe("1 min left");
    expect(timeLeftText(0)).toBe("ended");
  });

  it("shows the time left and ends the access on End now", async () => {
    const end = jest.fn().mockResolvedValue(undefined);
    const expiresAt = new Date(Date.now() + 2 * 60 * 60_000 + 30 * 60_000).toISOString();
    render(<EmergencyBanner grantId="g-9" expiresAt={expiresAt} end={end} />);
    expect(screen.getByRole("region", { name: "Emergency access" })).toHaveTextContent("Emergency access is open.");
    expect(screen.getByTestId("emergency-time-left")).toHaveTextContent(/^2 h 30 min left$/);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "End now" })));
    expect(end).toHaveBeenCalledWith({ grantId: "g-9" });
  });

  it("never shows more time than is left: a fresh 4-hour access reads 4 h", () => {
    render(<EmergencyBanner grantId="g-9" expiresAt={new Date(Date.now() + 4 * 60 * 60_000).toISOString()} end={jest.fn()} />);
    expect(screen.getByTestId("emergency-time-left")).toHaveTextContent(/^4 h left$/);
  });

  it("shows why ending failed", async () => {
    const end = jest.fn().mockResolvedValue({ ok: false, code: "INTERNAL", message: "Something went wrong on our side." });
    render(<EmergencyBanner grantId="g-9" expiresAt={new Date(Date.now() + 60_000).toISOString()} end={end} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "End now" })));
    expect(screen.getByRole("region", { name: "Emergency access" })).toHaveTextContent("Something went wrong on our side.");
  });
});
