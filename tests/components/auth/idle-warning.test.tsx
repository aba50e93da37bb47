import { act, fireEvent, render, screen } from "@testing-library/react";
import { IdleWarning } from "@/components/auth/idle-warning";

const replace = jest.fn();
jest.mock("next/navigation", () => ({ usePathname: () => "/patient", useRouter: () => ({ replace }) }));
const keepSessionAlive = jest.fn();
jest.mock("@/components/auth/actions", () => ({ keepSessionAlive: () => keepSessionAlive() }));

const MINUTE = 60_000;

beforeEach(() => {
  jest.useFakeTimers();
  replace.mockReset();
  keepSessionAlive.mockReset();
});
afterEach(() => jest.useRealTimers());

describe("idle warning", () => {
  it("warns two minutes before the idle sign-out, and staying signed in resets the clock", async () => {
    render(<IdleWarning idleMinutes={15} />);
    // Deadline: 15 min less one minute of server lag; the warning opens 2 min before it.
    act(() => jest.advanceTimersByTime(11 * MINUTE + 55_000));
    expect(screen.queryByText("Are you still there?")).toBeNull();
    act(() => jest.advanceTimersByTime(10_000));
    expect(screen.getByText("Are you still there?")).toBeTruthy();

    keepSessionAlive.mockResolvedValue({ ok: true });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Stay signed in" })));
    act(() => jest.advanceTimersByTime(1000));
    expect(keepSessionAlive).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("Are you still there?")).toBeNull();
    expect(replace).not.toHaveBeenCalled();
  });

  it("sends the user to sign in when the time is up", () => {
    render(<IdleWarning idleMinutes={15} />);
    act(() => jest.advanceTimersByTime(14 * MINUTE + 1000));
    expect(replace).toHaveBeenCalledWith("/sign-in?expired=1");
  });
});
