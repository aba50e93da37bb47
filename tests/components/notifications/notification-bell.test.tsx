import { act, fireEvent, render, screen } from "@testing-library/react";
import { NotificationBell, type UnreadSummary } from "@/components/notifications/notification-bell";

// The HTTP boundary: what /api/notifications/unread answers.
let answer: UnreadSummary = { count: 0, latest: [] };
const fetchMock = jest.fn(async (url: string) => {
  void url;
  return { ok: true, json: async () => answer } as Response;
});
let visibility: DocumentVisibilityState = "visible";

beforeAll(() => {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
});
beforeEach(() => {
  jest.useFakeTimers();
  visibility = "visible";
  answer = { count: 0, latest: [] };
  fetchMock.mockClear();
  global.fetch = fetchMock as unknown as typeof fetch;
});
afterEach(() => jest.useRealTimers());

const tick = async (ms: number) => {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
};
const bell = () => screen.getByRole("button", { name: /^Notifications/ });

describe("notification bell", () => {
  it("shows the count rendered by the server, then picks up new notifications by polling, without a reload", async () => {
    render(<NotificationBell initial={{ count: 1, latest: [{ id: "n1", title: "A patient shared records with you", createdAt: "2026-11-23T10:00:00Z" }] }} />);
    expect(bell()).toHaveAccessibleName("Notifications, 1 unread");
    expect(screen.getByTestId("notification-count")).toHaveTextContent("1");

    answer = {
      count: 2,
      latest: [
        { id: "n2", title: "A new record was added to your vault", createdAt: "2026-11-23T10:05:00Z" },
        { id: "n1", title: "A patient shared records with you", createdAt: "2026-11-23T10:00:00Z" },
      ],
    };
    await tick(14_000);
    expect(fetchMock).not.toHaveBeenCalled();
    await tick(1_000);
    expect(fetchMock).toHaveBeenCalledWith("/api/notifications/unread", expect.objectContaining({ cache: "no-store" }));
    expect(bell()).toHaveAccessibleName("Notifications, 2 unread");
    expect(screen.getByRole("status")).toHaveTextContent("2 unread notifications");
  });

  it("opens a panel with the latest unread items that link to them, and closes on Escape", async () => {
    answer = { count: 1, latest: [{ id: "n9", title: "A clinician asked for access to your records", createdAt: "2026-11-23T10:00:00Z" }] };
    render(<NotificationBell initial={{ count: 0, latest: [] }} />);
    expect(bell()).toHaveAccessibleName("Notifications, none unread");
    expect(screen.queryByTestId("notification-count")).toBeNull();

    await act(async () => fireEvent.click(bell()));
    expect(bell()).toHaveAttribute("aria-expanded", "true");
    const item = await screen.findByRole("link", { name: "A clinician asked for access to your records" });
    expect(item).toHaveAttribute("href", "/notifications/open/n9");
    expect(screen.getByRole("link", { name: "See all notifications" })).toHaveAttribute("href", "/notifications");

    await act(async () => fireEvent.keyDown(document, { key: "Escape" }));
    expect(screen.queryByRole("region", { name: "Latest notifications" })).toBeNull();
  });

  it("pauses polling while the tab is hidden and refreshes at once when it is shown again", async () => {
    render(<NotificationBell initial={{ count: 0, latest: [] }} />);
    visibility = "hidden";
    await act(async () => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await tick(60_000);
    expect(fetchMock).not.toHaveBeenCalled();

    answer = { count: 4, latest: [] };
    visibility = "visible";
    await act(async () => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(bell()).toHaveAccessibleName("Notifications, 4 unread");
    await tick(15_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("keeps the last count when the server cannot be reached", async () => {
    render(<NotificationBell initial={{ count: 3, latest: [] }} />);
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await tick(15_000);
    expect(bell()).toHaveAccessibleName("Notifications, 3 unread");
  });
});
